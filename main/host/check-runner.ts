// The app's face of the power-on check: runs it on the live connection (connecting the
// chosen profile first when needed), streams progress, saves the report in the user-data
// folder and lists the last ones. One check at a time; cancel stops it between operations.
import type { BoardCheckReport, CheckProgress, CheckStepId } from '../../shared/check';
import { listReports, saveToUserData } from '../check/report-store';
import { runCheck } from '../check/run';
import { startFailureLines } from '../session/session';
import { ProcessError, ValidationError } from '../openocd/errors';
import type { HostServices } from './services';
import { gdbSwitchFor } from '../gdb/handlers'; // GDB stays on across the restarts this makes

export interface CheckRequest {
  profileId: string;
  skip?: CheckStepId[];
  from?: CheckStepId;
  leaveErased?: boolean;
}

export class CheckRunner {
  private running: AbortController | undefined;

  constructor(private readonly deps: () => HostServices) {}

  private get services(): HostServices {
    return this.deps();
  }

  async run(req: CheckRequest, emit: (p: CheckProgress) => void): Promise<BoardCheckReport> {
    if (this.running) throw new ValidationError('a check is already running', { hint: 'Wait for it to finish, or cancel it.' });
    if (this.services.flashJobs.activeJobId) throw new ValidationError('a flash job is running', { hint: 'The check programs flash itself: wait for the job to end.' });
    const { controller, profiles, sessions, board } = this.services;
    const profile = await profiles.get(req.profileId);
    if (!profile) throw new ValidationError(`profileId: no profile '${req.profileId}'`);
    const abort = new AbortController();
    this.running = abort;
    try {
      const report = await runCheck({
        profile,
        ...(req.skip ? { skip: req.skip } : {}),
        ...(req.from ? { from: req.from } : {}),
        ...(req.leaveErased ? { leaveErased: true } : {}),
        signal: abort.signal,
        appVersion: '0.1.0',
        onProgress: emit,
        open: async () => {
          const st = controller.status();
          if (st.state !== 'connected' || st.profileId !== profile.id) {
            const after = await controller.start(board.profileFor(profile), gdbSwitchFor(this.services).startOptions(profile));
            if (after.state !== 'connected') {
              const lines = startFailureLines(after.exit?.reasonLines ?? []);
              throw new ProcessError(`OpenOCD did not start for profile "${profile.name}"${lines[0] ? `: ${lines[0]}` : ''}`, { openocdText: lines.join('\n') });
            }
          }
          return sessions.get();
        },
      });
      await saveToUserData(report, this.services.userDataDir);
      await controller.refreshTarget().catch(() => undefined);
      return report;
    } finally {
      this.running = undefined;
    }
  }

  cancel(): { cancelled: boolean } {
    if (!this.running) return { cancelled: false };
    this.running.abort();
    return { cancelled: true };
  }

  list(): Promise<BoardCheckReport[]> {
    return listReports(this.services.userDataDir);
  }
}
