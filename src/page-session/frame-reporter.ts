/**
 * What a frame tells the background about itself (the toolbar badge and the popup's list): whether
 * Glossa runs here and the terms it mentions. A report that says what the last one said is not sent,
 * and a frame with nothing to say (an ad, an empty widget) stays silent; the top frame always reports,
 * since the toolbar icon follows it.
 */
import type { TermCount } from '../messaging/protocol';

export interface FrameReport {
  enabled: boolean;
  terms: TermCount[];
}

export class FrameReporter {
  private last = '';

  constructor(
    private readonly isTopFrame: boolean,
    private readonly send: (report: FrameReport) => Promise<unknown>,
  ) {}

  report(report: FrameReport): void {
    if (!this.isTopFrame && this.last === '' && report.terms.length === 0) return;
    const key = JSON.stringify([report.enabled, report.terms]);
    if (key === this.last) return;
    this.last = key;
    this.send(report).catch(() => {
      // The background may be restarting (extension update): the next change reports again.
      this.last = '';
    });
  }
}
