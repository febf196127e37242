#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <utility>

namespace steward::metrics {

// Label name and value pairs, in the order they are written.
using Labels = QList<std::pair<QString, QString>>;

enum class MetricType { Gauge, Counter, Histogram };

// One histogram series as counts per bucket, not yet cumulative: bucket i holds the
// observations in (bound[i-1], bound[i]], the extra last bucket those above every bound.
class Histogram
{
public:
    explicit Histogram(QList<double> upperBounds = {});

    const QList<double> &upperBounds() const { return m_upperBounds; }
    // The index of the bucket `value` falls in (upperBounds().size() for above all).
    qsizetype bucketOf(double value) const;
    void observe(double value);
    // Adds `count` observations summing to `sum` to one bucket (from a GROUP BY query).
    void add(qsizetype bucket, quint64 count, double sum);

    const QList<quint64> &bucketCounts() const { return m_bucketCounts; }
    quint64 count() const;
    double sum() const { return m_sum; }

private:
    QList<double> m_upperBounds;
    QList<quint64> m_bucketCounts;
    double m_sum = 0;
};

struct Sample
{
    Labels labels;
    double value = 0;
};

struct HistogramSeries
{
    Labels labels;
    Histogram histogram;
};

// One metric name with its help text, type and series. Gauges and counters use
// `samples`, histograms `histograms`.
struct MetricFamily
{
    QString name;
    QString help;
    MetricType type = MetricType::Gauge;
    QList<Sample> samples;
    QList<HistogramSeries> histograms;
};

// Writes metric families in the Prometheus text exposition format 0.0.4: # HELP and
// # TYPE per family, escaped label values, cumulative histogram buckets ending in +Inf,
// then _sum and _count.
class TextExposition
{
public:
    // The Content-Type a scrape answer carries.
    static QByteArray contentType();
    static QByteArray render(const QList<MetricFamily> &families);

    // Backslash, double quote and line feed escaped, as label values need.
    static QString escapeLabelValue(QStringView value);
    // Backslash and line feed escaped, as # HELP text needs.
    static QString escapeHelp(QStringView help);
    // Shortest text that reads back as the same double; NaN, +Inf and -Inf spelled out.
    static QString formatValue(double value);
};

} // namespace steward::metrics
