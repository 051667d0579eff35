/**
 * A one-line progress bar on a terminal; elsewhere (CI logs, pipes) a line per tenth, so
 * logs stay readable. Small enough not to need a dependency.
 */
export function createProgressBar(out: NodeJS.WriteStream, total: number, title: string) {
  const width = 30;
  let done = 0;
  let lastTenth = -1;
  const started = Date.now();
  out.write(`${title}\n`);
  const line = () => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} entries (${Math.round(ratio * 100)}%, ${rate}/s)`;
  };
  return {
    update(more: number) {
      done += more;
      if (out.isTTY) out.write(`\r${line()}`);
      else {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (tenth !== lastTenth) out.write(`${line()}\n`);
        lastTenth = tenth;
      }
    },
    done() {
      if (out.isTTY) out.write('\n');
    },
  };
}
