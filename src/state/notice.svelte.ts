/** The one message the app is showing: what happened and what to do next. */
export type NoticeKind = 'error' | 'warning' | 'info' | 'success';

export class NoticeState {
  kind = $state<NoticeKind>('info');
  text = $state('');

  show(kind: NoticeKind, text: string): void {
    this.kind = kind;
    this.text = text;
  }

  clear(): void {
    this.text = '';
  }
}
