#include "ChartPainter.h"

#include "ChartPalette.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

const QColor kAxis(0x75, 0x75, 0x75);
const QColor kGrid(0xe0, 0xe0, 0xe0);
const QColor kText(0x33, 0x33, 0x33);
const QColor kMuted(0x75, 0x75, 0x75);

double dataMaximum(const ChartData &chart)
{
    double maximum = 0;
    if (chart.kind == ChartData::Kind::Line) {
        for (const ChartSeries &series : chart.series) {
            for (const auto &value : series.values)
                maximum = std::max(maximum, value.value_or(0));
        }
        return maximum;
    }
    for (qsizetype i = 0; i < chart.categories.size(); ++i) {
        double sum = 0;
        for (const ChartSeries &series : chart.series)
            sum += series.values.value(i).value_or(0);
        maximum = std::max(maximum, sum);
    }
    return maximum;
}

QString tickText(double value)
{
    return std::abs(value - std::round(value)) < 1e-9 ? QString::number(qint64(std::round(value)))
                                                      : QString::number(value, 'f', 1);
}

// Where `value` lies along an axis from the first tick to the last, 0..1.
double fraction(double value, const QList<double> &ticks)
{
    const double low = ticks.constFirst();
    const double high = ticks.constLast();
    return high > low ? std::clamp((value - low) / (high - low), 0.0, 1.0) : 0.0;
}

} // namespace

bool ChartData::isEmpty() const
{
    for (const ChartSeries &one : series) {
        for (const auto &value : one.values) {
            if (value && (kind == Kind::Line || *value > 0))
                return false;
        }
    }
    return true;
}

QList<double> axisTicks(const ChartData &chart)
{
    QList<double> ticks;
    if (chart.minimum && chart.maximum && chart.tickStep && *chart.tickStep > 0 && *chart.maximum > *chart.minimum) {
        for (double tick = *chart.minimum; tick <= *chart.maximum + 1e-9; tick += *chart.tickStep)
            ticks.append(tick);
        return ticks;
    }
    const double maximum = std::max(1.0, dataMaximum(chart));
    // A step of 1, 2 or 5 times a power of ten (at least 1: these are counts), about
    // five steps to the top, with room above the highest value.
    const double rough = maximum / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (rough <= factor * magnitude) {
            step = factor * magnitude;
            break;
        }
    }
    step = std::max(step, 1.0);
    for (int i = 0; i <= int(std::floor(maximum / step + 1e-9)) + 1; ++i)
        ticks.append(step * i);
    return ticks;
}

ChartPainter::ChartPainter(QPainter &painter, const QFont &font)
    : m_painter(painter), m_font(font), m_unit(painter.device() ? painter.device()->logicalDpiY() / 72.0 : 1.0)
{
}

QFont ChartPainter::font(double pointSize, bool bold) const
{
    QFont font = m_font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

double ChartPainter::slotX(const QRectF &plot, int index, int count) const
{
    const double slot = plot.width() / std::max(1, count);
    return plot.left() + slot * (index + 0.5);
}

void ChartPainter::paint(const QRectF &area, const ChartData &chart)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);

    const QFont titleFont = font(9, true);
    const QFontMetricsF titleMetrics(titleFont, m_painter.device());
    m_painter.setFont(titleFont);
    m_painter.setPen(kText);
    m_painter.drawText(QPointF(area.left(), area.top() + titleMetrics.ascent()), chart.title);
    double top = area.top() + titleMetrics.height() + points(3);

    const QFontMetricsF small(font(7), m_painter.device());
    paintLegend(QRectF(area.left(), top, area.width(), small.height()), chart);
    top += small.height() + points(6);

    const bool horizontal = chart.kind == ChartData::Kind::HorizontalStackedBars;
    const QList<double> ticks = axisTicks(chart);
    double left = area.left();
    if (!chart.valueLabel.isEmpty() && !horizontal) {
        // The axis title stands turned at the very left, beside the tick labels.
        m_painter.save();
        m_painter.setFont(font(7));
        m_painter.setPen(kMuted);
        m_painter.translate(area.left() + small.ascent(), (top + area.bottom()) / 2);
        m_painter.rotate(-90);
        m_painter.drawText(QPointF(-small.horizontalAdvance(chart.valueLabel) / 2, 0), chart.valueLabel);
        m_painter.restore();
        left += small.height() + points(3);
    }

    double labelWidth = 0;
    const int count = int(chart.categories.size());
    int every = 1;
    bool turned = false;
    double bottomSpace = small.height() * 1.6;
    if (horizontal) {
        // Category names down the left, as wide as the longest (up to a third of the chart).
        for (const QString &category : chart.categories)
            labelWidth = std::max(labelWidth, small.horizontalAdvance(category));
        labelWidth = std::min(labelWidth, area.width() / 3) + points(5);
        if (!chart.valueLabel.isEmpty())
            bottomSpace += small.height();
    } else {
        for (const double tick : ticks)
            labelWidth = std::max(labelWidth, small.horizontalAdvance(tickText(tick)));
        labelWidth += points(5);
        // Category labels lie flat when they fit their slot; else every n-th of a
        // sequence is shown, or names are turned.
        const double slot = (area.right() - left - labelWidth) / std::max(1, count);
        double widest = 0;
        for (const QString &category : chart.categories)
            widest = std::max(widest, small.horizontalAdvance(category));
        if (widest + points(4) > slot) {
            if (chart.sequence)
                every = int(std::ceil((widest + points(6)) / std::max(slot, 0.1)));
            else
                turned = true;
        }
        if (turned)
            bottomSpace = std::min(widest, points(70)) * 0.72 + small.height();
    }
    const QRectF plot(left + labelWidth, top, area.right() - left - labelWidth, area.bottom() - top - bottomSpace);
    if (plot.height() <= points(10) || plot.width() <= points(10)) {
        m_painter.restore();
        return;
    }

    paintValueAxis(plot, ticks, horizontal);
    if (chart.isEmpty()) {
        m_painter.setFont(font(8));
        m_painter.setPen(kMuted);
        m_painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, chart.emptyText);
    } else {
        switch (chart.kind) {
        case ChartData::Kind::Line:
            paintLines(plot, chart, ticks);
            break;
        case ChartData::Kind::StackedBars:
            paintBars(plot, chart, ticks);
            break;
        case ChartData::Kind::HorizontalStackedBars:
            paintHorizontalBars(plot, chart, ticks);
            break;
        }
    }
    paintThreshold(plot, chart, ticks);
    paintCategories(plot, chart, every, turned, labelWidth);
    if (horizontal && !chart.valueLabel.isEmpty()) {
        m_painter.setFont(font(7));
        m_painter.setPen(kMuted);
        m_painter.drawText(QPointF(plot.center().x() - small.horizontalAdvance(chart.valueLabel) / 2,
                                   plot.bottom() + small.height() * 1.6 + small.ascent()),
                           chart.valueLabel);
    }
    m_painter.restore();
}

void ChartPainter::paintLegend(const QRectF &area, const ChartData &chart)
{
    const QFont legendFont = font(7);
    const QFontMetricsF metrics(legendFont, m_painter.device());
    m_painter.setFont(legendFont);
    double x = area.left();
    const double swatch = metrics.ascent() * 0.8;
    const double middle = area.top() + metrics.height() / 2;
    for (const ChartSeries &series : chart.series) {
        m_painter.fillRect(QRectF(x, middle - swatch / 2, swatch, swatch), series.color);
        x += swatch + points(3);
        m_painter.setPen(kText);
        m_painter.drawText(QPointF(x, area.top() + metrics.ascent()), series.name);
        x += metrics.horizontalAdvance(series.name) + points(10);
    }
    if (chart.threshold && !chart.thresholdName.isEmpty()) {
        m_painter.setPen(QPen(ChartPalette::threshold(), points(1.2), Qt::DashLine));
        m_painter.drawLine(QPointF(x, middle), QPointF(x + points(12), middle));
        x += points(15);
        m_painter.setPen(kText);
        m_painter.drawText(QPointF(x, area.top() + metrics.ascent()), chart.thresholdName);
    }
}

void ChartPainter::paintValueAxis(const QRectF &plot, const QList<double> &ticks, bool horizontal)
{
    const QFontMetricsF small(font(7), m_painter.device());
    m_painter.setFont(font(7));
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        const double at = fraction(ticks.at(i), ticks);
        const QString text = tickText(ticks.at(i));
        m_painter.setPen(QPen(i == 0 ? kAxis : kGrid, points(i == 0 ? 0.8 : 0.5)));
        if (horizontal) {
            const double x = plot.left() + plot.width() * at;
            m_painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            m_painter.setPen(kText);
            m_painter.drawText(
                QPointF(x - small.horizontalAdvance(text) / 2, plot.bottom() + points(3) + small.ascent()), text);
        } else {
            const double y = plot.bottom() - plot.height() * at;
            m_painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            m_painter.setPen(kText);
            m_painter.drawText(
                QPointF(plot.left() - points(3) - small.horizontalAdvance(text), y + small.ascent() / 2.5), text);
        }
    }
    m_painter.setPen(QPen(kAxis, points(0.8)));
    if (horizontal)
        m_painter.drawLine(plot.topLeft(), plot.bottomLeft());
    else
        m_painter.drawLine(plot.bottomLeft(), plot.topLeft());
}

void ChartPainter::paintLines(const QRectF &plot, const ChartData &chart, const QList<double> &ticks)
{
    const int count = int(chart.categories.size());
    for (const ChartSeries &series : chart.series) {
        QPainterPath path;
        QList<QPointF> dots;
        for (int i = 0; i < count; ++i) {
            const auto value = series.values.value(i);
            if (!value)
                continue;
            const QPointF point(slotX(plot, i, count), plot.bottom() - plot.height() * fraction(*value, ticks));
            if (dots.isEmpty())
                path.moveTo(point);
            else
                path.lineTo(point);
            dots.append(point);
        }
        m_painter.setPen(QPen(series.color, points(1.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawPath(path);
        if (count <= 45) {
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(series.color);
            for (const QPointF &dot : dots)
                m_painter.drawEllipse(dot, points(1.7), points(1.7));
        }
    }
    m_painter.setBrush(Qt::NoBrush);
}

void ChartPainter::paintThreshold(const QRectF &plot, const ChartData &chart, const QList<double> &ticks)
{
    if (!chart.threshold)
        return;
    const double y = plot.bottom() - plot.height() * fraction(*chart.threshold, ticks);
    m_painter.setPen(QPen(ChartPalette::threshold(), points(1.2), Qt::DashLine));
    m_painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
}

void ChartPainter::paintBars(const QRectF &plot, const ChartData &chart, const QList<double> &ticks)
{
    const int count = int(chart.categories.size());
    const double slot = plot.width() / std::max(1, count);
    const double width = std::min(slot * 0.8, points(28));
    m_painter.setPen(Qt::NoPen);
    for (int i = 0; i < count; ++i) {
        double base = 0;
        const double x = slotX(plot, i, count) - width / 2;
        for (const ChartSeries &series : chart.series) {
            const double value = series.values.value(i).value_or(0);
            if (value <= 0)
                continue;
            const double bottom = plot.bottom() - plot.height() * fraction(base, ticks);
            const double top = plot.bottom() - plot.height() * fraction(base + value, ticks);
            m_painter.fillRect(QRectF(x, top, width, bottom - top), series.color);
            base += value;
        }
    }
}

void ChartPainter::paintHorizontalBars(const QRectF &plot, const ChartData &chart, const QList<double> &ticks)
{
    const int count = int(chart.categories.size());
    const double slot = plot.height() / std::max(1, count);
    const double height = std::min(slot * 0.7, points(18));
    for (int i = 0; i < count; ++i) {
        double base = 0;
        const double y = plot.top() + slot * (i + 0.5) - height / 2;
        for (const ChartSeries &series : chart.series) {
            const double value = series.values.value(i).value_or(0);
            if (value <= 0)
                continue;
            const double from = plot.left() + plot.width() * fraction(base, ticks);
            const double to = plot.left() + plot.width() * fraction(base + value, ticks);
            m_painter.fillRect(QRectF(from, y, to - from, height), series.color);
            base += value;
        }
    }
}

void ChartPainter::paintCategories(const QRectF &plot, const ChartData &chart, int every, bool turned,
                                   double labelWidth)
{
    const QFontMetricsF small(font(7), m_painter.device());
    m_painter.setFont(font(7));
    m_painter.setPen(kText);
    const int count = int(chart.categories.size());
    for (int i = 0; i < count; ++i) {
        const QString label = chart.categories.at(i);
        if (chart.kind == ChartData::Kind::HorizontalStackedBars) {
            const double slot = plot.height() / std::max(1, count);
            const QString shown = small.elidedText(label, Qt::ElideRight, labelWidth - points(5));
            m_painter.drawText(QPointF(plot.left() - points(4) - small.horizontalAdvance(shown),
                                       plot.top() + slot * (i + 0.5) + small.ascent() / 2.5),
                               shown);
            continue;
        }
        const double x = slotX(plot, i, count);
        if (turned) {
            m_painter.save();
            m_painter.translate(x, plot.bottom() + points(4));
            m_painter.rotate(-45);
            const QString shown = small.elidedText(label, Qt::ElideRight, points(70));
            m_painter.drawText(QPointF(-small.horizontalAdvance(shown), small.ascent() / 2), shown);
            m_painter.restore();
        } else if (i % every == 0) {
            m_painter.drawText(
                QPointF(x - small.horizontalAdvance(label) / 2, plot.bottom() + points(3) + small.ascent()), label);
        }
    }
}

} // namespace steward::report
