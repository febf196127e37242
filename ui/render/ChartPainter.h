#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>

class QPainter;

namespace steward::report {

// One line or one stack level of a chart.
struct ChartSeries
{
    QString name;
    QColor color;
    QList<std::optional<double>> values; // one per category; empty: no point there
};

// A small chart as reports draw it: days or domains along the bottom, values up the
// side. The same data is painted into the PDF and into the HTML's SVG.
struct ChartData
{
    enum class Kind { Line, StackedBars, HorizontalStackedBars };

    Kind kind = Kind::Line;
    QString title;
    QString valueLabel;     // the vertical axis, e.g. "Average score"
    QStringList categories; // along the bottom
    bool sequence = false;  // categories are consecutive (days): label every n-th, never turned
    QList<ChartSeries> series;
    // The value axis: a fixed range with a tick step, or (empty) 0 to a round number above the data.
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> tickStep;
    // A dashed line across the plot at this value (e.g. the score alerts fire below).
    std::optional<double> threshold;
    QString thresholdName;
    QString emptyText; // shown instead of the plot when there is nothing to draw

    bool isEmpty() const;
};

// Paints charts with QPainter only, as vector graphics on whatever device the painter
// has (QPdfWriter, QSvgGenerator). Sizes are given in points and scaled to the device.
class ChartPainter
{
public:
    ChartPainter(QPainter &painter, const QFont &font);

    void paint(const QRectF &area, const ChartData &chart);

private:
    double points(double value) const { return value * m_unit; }
    QFont font(double pointSize, bool bold = false) const;
    void paintLegend(const QRectF &area, const ChartData &chart);
    void paintValueAxis(const QRectF &plot, const QList<double> &ticks, bool horizontal);
    void paintLines(const QRectF &plot, const ChartData &chart, const QList<double> &ticks);
    void paintThreshold(const QRectF &plot, const ChartData &chart, const QList<double> &ticks);
    void paintBars(const QRectF &plot, const ChartData &chart, const QList<double> &ticks);
    void paintHorizontalBars(const QRectF &plot, const ChartData &chart, const QList<double> &ticks);
    void paintCategories(const QRectF &plot, const ChartData &chart, int every, bool turned, double labelWidth);
    double slotX(const QRectF &plot, int index, int count) const;

    QPainter &m_painter;
    QFont m_font;
    double m_unit; // device units per point
};

// The value axis ticks of a chart: its fixed range, or round steps from 0 past the data.
QList<double> axisTicks(const ChartData &chart);

} // namespace steward::report
