/** Runs a generator of work to its end, giving the event loop a turn whenever a slice exceeds `budgetMs`. */
export async function runInSlices<T>(steps: Generator<void, T>, budgetMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() - sliceStart > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

/** Runs a generator of work to its end at once. */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}
