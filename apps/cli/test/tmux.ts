// A pseudo-terminal for the dashboard tests: Debian's tmux (installed by .ci/run), on a private server socket.
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('SKIPPED: terminal dashboard tests need tmux (apt-get install tmux; .ci/run installs it)');

export class TmuxTerminal {
  // A socket path (-S) in the run's temp root, not a name (-L) in tmux's own /tmp/tmux-UID, which outlives the run:
  // tmux leaves the socket file behind after kill-server.
  private readonly socket = join(tmpdir(), `tmux-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  private readonly session = 'main';

  constructor(readonly columns: number, readonly rows: number) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Runs `command` (a shell line) in a fresh `columns`×`rows` terminal; the pane stays after it exits. */
  start(command: string): void {
    this.tmux('new-session', '-d', '-x', String(this.columns), '-y', String(this.rows), '-s', this.session, command);
    this.tmux('set-option', '-t', this.session, 'remain-on-exit', 'on');
  }

  /** The visible screen as text; with `scrollback`, the lines scrolled off above it too. */
  capture(options: { scrollback?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.scrollback ? ['-S', '-'] : []), '-t', this.session);
  }

  /** `#{alternate_on}` (a full-screen program's screen is up) and `#{cursor_flag}` (the cursor is visible). */
  modes(): { alternateScreen: boolean; cursorVisible: boolean } {
    const [alternate, cursor] = this.tmux('display-message', '-p', '-t', this.session, '#{alternate_on} #{cursor_flag}').trim().split(' ');
    return { alternateScreen: alternate === '1', cursorVisible: cursor === '1' };
  }

  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.session, ...keys);
  }

  /** Polls the screen until `test` passes (returns that screen) or the time is up (throws with the last screen). */
  async waitFor(test: (screen: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.capture();
      if (test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`terminal never showed what was expected; last screen:\n${screen}`);
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
  }
}
