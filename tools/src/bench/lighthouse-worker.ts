/**
 * Runs the bench's Lighthouse runs (lighthouse.ts) in a process of its own: Lighthouse leaves
 * a few hundred MB of heap behind, and the bench process goes on to drive the load with
 * autocannon, which should not pay for collecting it. argv: the page's URL and the number of
 * runs; prints the result as the last line of stdout.
 */
import { lighthouseMedian } from './lighthouse';

const [url, runs] = process.argv.slice(2);
if (!url || !runs) throw new Error('usage: lighthouse-worker.ts <url> <runs>');
console.log(JSON.stringify(await lighthouseMedian(url, Number(runs))));
