import { render } from 'preact';
import { App, readLoad } from './App.js';

// The tab's report is asked for before Preact renders (effects run only after the first paint).
const first = readLoad();
render(<App first={first} />, document.getElementById('app')!);
