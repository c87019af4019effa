import { dayLabel, longDate, relativeDay, shortDate } from './dates';

interface Props {
  iso: string;
  today: string;
  /** day: "today"/"tomorrow"/"Tue 14 Apr"; short: always "Tue 14 Apr"; relative: "3 weeks ago". */
  format?: 'day' | 'short' | 'relative';
  class?: string;
}

/** Every date the app shows goes through here: a `<time>` with the exact date on hover. */
export function Day({ iso, today, format = 'day', class: className }: Props) {
  const text = format === 'relative' ? relativeDay(iso, today) : format === 'short' ? shortDate(iso, today) : dayLabel(iso, today);
  return (
    <time dateTime={iso} title={longDate(iso)} class={className}>
      {text}
    </time>
  );
}
