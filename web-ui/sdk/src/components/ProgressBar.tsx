/** Progress of `value` out of `max`; without a value it is indeterminate (no aria-valuenow). */
export function ProgressBar({ label, value, max = 100 }: { label: string; value?: number; max?: number }) {
  const percent = value === undefined ? undefined : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div
      className="ga-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
    >
      <div
        className={percent === undefined ? "ga-progress__bar ga-progress__bar--indeterminate" : "ga-progress__bar"}
        style={percent === undefined ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
