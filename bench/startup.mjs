// bench:startup — time from spawn to the first full frame in a real pty, for trailguide on its
// training scenarios and for an Ink hello-world built the same way, alternating in the same run.
// Prints both medians and the ratio (target ≤ 1.3). Absolute times drift on noisy machines; the ratio is the figure.
import pty from '@lydell/node-pty';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const sgr = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g;

function firstFrame(args, marker) {
  return new Promise((resolve, reject) => {
    const env = {...process.env, CI: 'false'};
    const start = process.hrtime.bigint();
    const child = pty.spawn(process.execPath, args, {name: 'xterm-256color', cols: 80, rows: 24, env});
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no frame with ${JSON.stringify(marker)} after 10 s:\n${out.replace(sgr, '')}`));
    }, 10_000);
    child.onData((data) => {
      out += data;
      if (out.replace(sgr, '').includes(marker)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.onExit(() => resolve(ms));
        child.kill();
      }
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const app = [];
const hello = [];
await firstFrame(['dist/trailguide.js', ...(process.env.BENCH_ARGS ? process.env.BENCH_ARGS.split(' ') : [])], 'q quit'); // warm the file cache
await firstFrame(['dist/bench-hello.js'], 'baseline ready');
for (let i = 0; i < runs; i++) {
  hello.push(await firstFrame(['dist/bench-hello.js'], 'baseline ready'));
  app.push(await firstFrame(['dist/trailguide.js', ...(process.env.BENCH_ARGS ? process.env.BENCH_ARGS.split(' ') : [])], 'q quit'));
}
const a = median(app);
const h = median(hello);
console.log(`startup to first full frame, ${runs} runs each (80×24 pty):`);
console.log(`  Ink hello-world  median ${h.toFixed(0)} ms`);
console.log(`  trailguide       median ${a.toFixed(0)} ms`);
console.log(`  ratio ${(a / h).toFixed(2)} (target ≤ 1.3)`);
