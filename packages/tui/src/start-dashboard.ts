import { Writable } from 'node:stream';
import type { LiveSnapshot } from '@aiperf/loadgen';
import { render } from 'ink';
import { createElement as h, type ReactElement, useEffect, useState } from 'react';
import { DashboardView } from './dashboard-view.js';

const REFRESH_MS = 250;
// The alternate screen keeps the user's scrollback intact; the cursor is hidden while the view redraws.
const ENTER = '\x1b[?1049h\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface DashboardOptions {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  title: string;
}

export interface Dashboard {
  /** Use instead of the real stderr for the run: while the view is up, lines become its warnings (and are printed after). */
  stderr: NodeJS.WritableStream;
  /** `ProfileIo.liveView`: starts the full-screen view for one run. */
  liveView(source: { snapshot(): LiveSnapshot }): { stop(): void };
}

/** The full-screen live view of `aiperf profile --ui dashboard` on a terminal. */
export function createDashboard(options: DashboardOptions): Dashboard {
  const warnings: string[] = [];
  let held: string[] | null = null;
  const stderr = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      if (held === null) options.stderr.write(text, () => done());
      else {
        held.push(text);
        warnings.push(...text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0));
        done();
      }
    },
  });

  function liveView(source: { snapshot(): LiveSnapshot }): { stop(): void } {
    held = [];
    const { stdout } = options;
    stdout.write(ENTER);
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      stdout.write(LEAVE);
    };
    // A forced exit (a second Ctrl+C) must not leave the terminal on the alternate screen without a cursor.
    process.once('exit', restore);

    function App(): ReactElement {
      // A tick re-renders on every refresh, so new warnings show even when the numbers did not move.
      const [, setTick] = useState(0);
      useEffect(() => {
        const timer = setInterval(() => setTick((tick) => tick + 1), REFRESH_MS);
        return () => clearInterval(timer);
      }, []);
      const width = Math.max(60, Math.min(stdout.columns ?? 100, 120));
      return h(DashboardView, { title: options.title, snapshot: source.snapshot(), warnings: [...warnings], width, rows: stdout.rows ?? 24 });
    }

    const instance = render(h(App), { stdout, patchConsole: false, exitOnCtrlC: false });
    return {
      stop() {
        instance.unmount();
        restore();
        process.off('exit', restore);
        const replay = held ?? [];
        held = null;
        for (const text of replay) options.stderr.write(text);
      },
    };
  }

  return { stderr, liveView };
}
