#pragma once

#include "GlyphTable.h"
#include "report/ReportTypes.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QPainter>
#include <QStringList>
#include <array>
#include <memory>
#include <optional>

class QPdfWriter;

namespace steward::report {

// Pages of a report PDF and what every page carries, painted in two passes. The layout
// pass paints nothing and learns where each section starts and how many pages there
// are; the painting pass then fills in the table of contents and "Page n of m". Both
// passes make the same layout decisions from the same font metrics.
class PdfDocument
{
public:
    enum class Style { Body, Small, Bold, TableHeader, Heading, Subheading, Title, Count };
    struct TocEntry
    {
        QString title;
        int page = 0;
    };

    PdfDocument(QPdfWriter &writer, const ReportHeader &header);
    ~PdfDocument();

    // A layout pass (painting false), or a painting pass given the layout pass's results.
    void beginPass(bool painting, const QList<TocEntry> &toc = {}, int pageCount = 0);
    // Ends the pass; false when the painter failed (the device could not be written).
    bool endPass();

    bool painting() const { return m_painting; }
    QPainter &painter() { return *m_painter; }
    int page() const { return m_page; }
    QList<TocEntry> toc() const { return m_toc; }

    double mm(double millimetres) const { return millimetres * m_dotsPerMm; }
    double pt(double points) const { return points * m_dotsPerPoint; }
    const QFont &font(Style style) const { return m_fonts[std::size_t(style)]; }
    const QFontMetricsF &metrics(Style style) const { return *m_metrics[std::size_t(style)]; }
    double lineHeight(Style style) const { return metrics(style).height() * 1.18; }

    // The area between the running header and footer; `y` is where the next thing goes.
    QRectF content() const { return m_content; }
    double y = 0;
    double remaining() const { return m_content.bottom() - y; }

    // The first page: title, tenant, period, generation time and user, then a line
    // summing up the content (`summary`) and, in red, a `notice` such as "no decisions".
    void titlePage(const QString &summary, const QString &notice);
    void contentsPage(const QList<QString> &sectionTitles);
    // Starts a section on a new page with its heading, and records it for the contents.
    void beginSection(const QString &title);
    void newPage();

    // Text on one baseline, cut with "…" to `width` (0: no limit).
    void text(double x, double baseline, const QString &text, Style style, const QColor &color = {}, double width = 0);
    // Wrapped to the content width less `indent`, at most `maxLines` lines; advances y.
    void paragraph(const QString &text, Style style, const QColor &color = {}, int maxLines = 1000, double indent = 0);
    QStringList wrap(const QString &text, Style style, double width, int maxLines) const;
    QString elided(const QString &text, Style style, double width) const;
    double advance(const QString &text, Style style) const;
    void rule(double x1, double x2, double atY, const QColor &color, double widthPoints = 0.5);
    void fill(const QRectF &area, const QColor &color);

private:
    void startPage();
    void paintFurniture();

    QPdfWriter &m_writer;
    ReportHeader m_header;
    std::unique_ptr<QPainter> m_painter;
    std::array<QFont, std::size_t(Style::Count)> m_fonts;
    std::array<std::unique_ptr<QFontMetricsF>, std::size_t(Style::Count)> m_metrics;
    std::array<GlyphTable, std::size_t(Style::Count)> m_glyphs;
    QGlyphRun m_run;
    std::optional<Style> m_penStyle;
    QColor m_penColor;
    double m_dotsPerMm = 1;
    double m_dotsPerPoint = 1;
    QRectF m_pageRect;
    QRectF m_content;
    bool m_painting = false;
    int m_page = 0;
    int m_pageCount = 0;
    QList<TocEntry> m_toc;
    QList<TocEntry> m_knownToc;
};

// A table painted row by row: the header row repeats at the top of every page it
// continues on. A row is one line of cells, then optional detail lines under it.
class PdfTable
{
public:
    struct Column
    {
        QString title;
        double widthMm = 20;
        bool alignRight = false;
    };
    struct Cell
    {
        Cell(QString cellText = {}, QColor cellColor = {}, bool isBold = false)
            : text(std::move(cellText)), color(cellColor), bold(isBold)
        {
        }
        QString text;
        QColor color; // invalid: the body colour
        bool bold = false;
    };
    struct Detail
    {
        QString text;
        QColor color;
        int maxLines = 1; // more than one: wrapped
    };

    PdfTable(PdfDocument &document, QList<Column> columns, double detailIndentMm = 0);

    void begin(); // the header row at the current position (a new page when too little room)
    void row(const QList<Cell> &cells, const QList<Detail> &details = {});

private:
    void paintHeader();

    PdfDocument &m_document;
    QList<Column> m_columns;
    QList<double> m_x; // left edge of each column
    double m_width = 0;
    double m_detailIndent = 0;
    int m_rows = 0;
};

} // namespace steward::report
