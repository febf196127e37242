#include "MetricsExposition.h"

#include <QLocale>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace steward::metrics {
namespace {

QString typeName(MetricType type)
{
    switch (type) {
    case MetricType::Gauge:
        return u"gauge"_s;
    case MetricType::Counter:
        return u"counter"_s;
    case MetricType::Histogram:
        return u"histogram"_s;
    }
    return u"untyped"_s;
}

// {a="x",b="y"}, or nothing for no labels. `extra` is appended last (the le of a bucket).
QString labelText(const Labels &labels, const std::pair<QString, QString> *extra = nullptr)
{
    if (labels.isEmpty() && !extra)
        return {};
    QString text = u"{"_s;
    bool first = true;
    const auto append = [&](const std::pair<QString, QString> &label) {
        if (!first)
            text += u',';
        first = false;
        text += label.first + u"=\""_s + TextExposition::escapeLabelValue(label.second) + u'"';
    };
    for (const auto &label : labels)
        append(label);
    if (extra)
        append(*extra);
    return text + u'}';
}

void writeLine(QString &out, const QString &name, const QString &labels, const QString &value)
{
    out += name;
    out += labels;
    out += u' ';
    out += value;
    out += u'\n';
}

void writeHistogram(QString &out, const QString &name, const HistogramSeries &series)
{
    const Histogram &histogram = series.histogram;
    const QList<double> &bounds = histogram.upperBounds();
    const QList<quint64> &counts = histogram.bucketCounts();
    quint64 cumulative = 0;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        cumulative += counts.at(i);
        const std::pair<QString, QString> le{u"le"_s, TextExposition::formatValue(bounds.at(i))};
        writeLine(out, name + u"_bucket"_s, labelText(series.labels, &le), QString::number(cumulative));
    }
    const std::pair<QString, QString> infinity{u"le"_s, u"+Inf"_s};
    writeLine(out, name + u"_bucket"_s, labelText(series.labels, &infinity), QString::number(histogram.count()));
    writeLine(out, name + u"_sum"_s, labelText(series.labels), TextExposition::formatValue(histogram.sum()));
    writeLine(out, name + u"_count"_s, labelText(series.labels), QString::number(histogram.count()));
}

enum class EscapeQuotes { No, Yes };

// The exposition format's escapes: backslash and newline everywhere, the double quote
// inside label values only.
QString escaped(QStringView text, EscapeQuotes quotes)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'"' && quotes == EscapeQuotes::Yes)
            out += u"\\\""_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else
            out += c;
    }
    return out;
}

} // namespace

Histogram::Histogram(QList<double> upperBounds)
    : m_upperBounds(std::move(upperBounds)), m_bucketCounts(m_upperBounds.size() + 1, 0)
{
}

qsizetype Histogram::bucketOf(double value) const
{
    for (qsizetype i = 0; i < m_upperBounds.size(); ++i) {
        if (value <= m_upperBounds.at(i))
            return i;
    }
    return m_upperBounds.size();
}

void Histogram::observe(double value)
{
    add(bucketOf(value), 1, value);
}

void Histogram::add(qsizetype bucket, quint64 count, double sum)
{
    if (bucket < 0 || bucket >= m_bucketCounts.size())
        bucket = m_bucketCounts.size() - 1;
    m_bucketCounts[bucket] += count;
    m_sum += sum;
}

quint64 Histogram::count() const
{
    return std::accumulate(m_bucketCounts.cbegin(), m_bucketCounts.cend(), quint64(0));
}

QByteArray TextExposition::contentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QByteArray TextExposition::render(const QList<MetricFamily> &families)
{
    QString out;
    for (const MetricFamily &family : families) {
        out += u"# HELP "_s + family.name + u' ' + escapeHelp(family.help) + u'\n';
        out += u"# TYPE "_s + family.name + u' ' + typeName(family.type) + u'\n';
        if (family.type == MetricType::Histogram) {
            for (const HistogramSeries &series : family.histograms)
                writeHistogram(out, family.name, series);
        } else {
            for (const Sample &sample : family.samples)
                writeLine(out, family.name, labelText(sample.labels), formatValue(sample.value));
        }
    }
    return out.toUtf8();
}

QString TextExposition::escapeLabelValue(QStringView value)
{
    return escaped(value, EscapeQuotes::Yes);
}

QString TextExposition::escapeHelp(QStringView help)
{
    return escaped(help, EscapeQuotes::No);
}

QString TextExposition::formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Whole numbers (counts, most bucket bounds) as integers: 1000000, not 1e+06.
    if (value == std::trunc(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace steward::metrics
