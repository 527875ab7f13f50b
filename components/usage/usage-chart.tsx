import { BarStack } from "@visx/shape";
import { scaleBand, scaleLinear } from "@visx/scale";
import { useFormatter, useTranslations } from "next-intl";
import type { UsageSeries } from "@/lib/usage/queries";
import { BucketTime } from "./bucket-time";

const WIDTH = 720;
const HEIGHT = 180;
const KEYS = ["success", "refused"] as const;
type Bucket = UsageSeries["buckets"][number];

/** Colours of the two series; their names are `Usage.chart.series.<key>`. */
export const SERIES_STYLE = {
  success: { bar: "fill-emerald-500 dark:fill-emerald-400", swatch: "bg-emerald-500 dark:bg-emerald-400" },
  refused: { bar: "fill-red-500 dark:fill-red-400", swatch: "bg-red-500 dark:bg-red-400" },
} as const;

/** A round number at or above `max`, for the top of the axis: 1, 2, 5 × 10ⁿ. */
function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * A stacked bar chart of successful and refused requests, drawn on the server as SVG with visx
 * (no chart code reaches the browser). The bars stretch to the width; labels are HTML so they
 * stay readable at 375 px. The numbers are in "View as table"; the image says the totals.
 */
export function UsageChart({ series, label }: { series: UsageSeries; label: string }) {
  const t = useTranslations("Usage.chart");
  const format = useFormatter().number;
  const unit = series.range === "30d" ? "day" : "hour";
  const top = niceCeiling(Math.max(...series.buckets.map((b) => b.success + b.refused)));
  const xScale = scaleBand<string>({ domain: series.buckets.map((b) => b.start), range: [0, WIDTH], padding: series.buckets.length > 60 ? 0.1 : 0.2 });
  const yScale = scaleLinear<number>({ domain: [0, top], range: [HEIGHT, 0] });
  const ticks = [0, Math.floor(series.buckets.length / 2), series.buckets.length - 1].map((i) => series.buckets[i]!);
  const summary = t("summary", { label, success: format(series.totals.success), refused: format(series.totals.refused), unit });

  return (
    <figure className="m-0">
      <div className="flex gap-2">
        <div aria-hidden="true" className="flex w-10 shrink-0 flex-col justify-between pb-5 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          <span>{format(top)}</span>
          <span>{format(top / 2)}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            role="img"
            aria-label={summary}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            className="block h-44 w-full overflow-visible"
          >
            {[0, 0.5, 1].map((f) => (
              <line
                key={f}
                x1={0}
                x2={WIDTH}
                y1={yScale(top * f)}
                y2={yScale(top * f)}
                vectorEffect="non-scaling-stroke"
                className="stroke-zinc-200 dark:stroke-zinc-800"
              />
            ))}
            <BarStack<Bucket, (typeof KEYS)[number]>
              data={series.buckets}
              keys={[...KEYS]}
              x={(b) => b.start}
              xScale={xScale}
              yScale={yScale}
              color={() => ""}
            >
              {(stacks) =>
                stacks.map((stack) =>
                  stack.bars
                    .filter((bar) => bar.height > 0)
                    .map((bar) => (
                      <rect
                        key={`${stack.key}-${bar.index}`}
                        x={bar.x}
                        y={bar.y}
                        width={bar.width}
                        height={bar.height}
                        className={SERIES_STYLE[stack.key].bar}
                      >
                        <title>{t("bar", { start: bar.bar.data.start, count: format(bar.bar.data[stack.key]), series: stack.key })}</title>
                      </rect>
                    )),
                )
              }
            </BarStack>
          </svg>
          <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
            {ticks.map((b) => (
              <BucketTime key={b.start} iso={b.start} unit={unit} short />
            ))}
          </div>
        </div>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
        {KEYS.map((key) => (
          <span key={key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${SERIES_STYLE[key].swatch}`} />
            {t(`series.${key}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
