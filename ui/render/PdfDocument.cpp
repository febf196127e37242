#include "PdfDocument.h"

#include "../UiTr.h"

#include <QPdfWriter>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

constexpr int kResolution = 300;
constexpr double kMarginMm = 12;
constexpr double kHeaderMm = 13;
constexpr double kFooterMm = 12;
const QColor kText(0x21, 0x21, 0x21);
const QColor kMuted(0x6b, 0x6b, 0x6b);
const QColor kRule(0xbd, 0xbd, 0xbd);
const QColor kAccent(0x1f, 0x4e, 0x79);
const QColor kHeaderFill(0xe8, 0xee, 0xf4);
const QColor kShade(0xf6, 0xf7, 0xf9);

QFont reportFont(double points, bool bold)
{
    QFont font;
    font.setFamilies({u"DejaVu Sans"_s, u"Noto Sans"_s, u"Liberation Sans"_s, u"Arial"_s, u"Helvetica"_s});
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setKerning(false); // table text: cheaper to lay out, no visible difference at this size
    return font;
}

} // namespace

PdfDocument::PdfDocument(QPdfWriter &writer, const ReportHeader &header) : m_writer(writer), m_header(header)
{
    m_writer.setResolution(kResolution);
    m_writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    m_writer.setTitle(header.title + u" — "_s + header.tenant.name);
    m_writer.setCreator(u"Metadata Steward"_s);
    m_dotsPerMm = kResolution / 25.4;
    m_dotsPerPoint = kResolution / 72.0;
    m_pageRect = QRectF(0, 0, m_writer.width(), m_writer.height());
    m_content = QRectF(QPointF(mm(kMarginMm), mm(kHeaderMm + 4)),
                       QPointF(m_pageRect.width() - mm(kMarginMm), m_pageRect.height() - mm(kFooterMm + 3)));

    const std::array<std::pair<double, bool>, std::size_t(Style::Count)> styles{{
        {7.5, false}, // Body
        {6.5, false}, // Small
        {7.5, true},  // Bold
        {7, true},    // TableHeader
        {15, true},   // Heading
        {10, true},   // Subheading
        {26, true},   // Title
    }};
    for (std::size_t i = 0; i < styles.size(); ++i) {
        m_fonts[i] = reportFont(styles[i].first, styles[i].second);
        m_metrics[i] = std::make_unique<QFontMetricsF>(m_fonts[i], &m_writer);
        m_glyphs[i] = GlyphTable(m_fonts[i], m_writer);
    }
}

PdfDocument::~PdfDocument()
{
    if (m_painter && m_painter->isActive())
        m_painter->end();
}

void PdfDocument::beginPass(bool painting, const QList<TocEntry> &toc, int pageCount)
{
    m_painting = painting;
    m_knownToc = toc;
    m_pageCount = pageCount;
    m_toc.clear();
    m_page = 0;
    m_penStyle.reset();
    m_penColor = QColor();
    if (painting) {
        m_painter = std::make_unique<QPainter>();
        m_painting = m_painter->begin(&m_writer);
    }
    startPage();
}

bool PdfDocument::endPass()
{
    if (!m_painting)
        return true;
    return m_painter->end();
}

void PdfDocument::startPage()
{
    ++m_page;
    y = m_content.top();
    if (m_painting && m_page > 1)
        paintFurniture();
}

void PdfDocument::newPage()
{
    if (m_painting)
        m_writer.newPage();
    startPage();
}

void PdfDocument::paintFurniture()
{
    const double left = m_content.left();
    const double right = m_content.right();
    const double headerBaseline = mm(kHeaderMm) - pt(3);
    text(left, headerBaseline, m_header.title + u" — "_s + m_header.tenant.name, Style::Bold, kAccent,
         (right - left) * 0.6);
    const QString period = m_header.period.displayText();
    text(right - metrics(Style::Small).horizontalAdvance(period), headerBaseline, period, Style::Small, kMuted);
    rule(left, right, mm(kHeaderMm), kRule);

    const double footerTop = m_pageRect.height() - mm(kFooterMm);
    rule(left, right, footerTop, kRule);
    const double footerBaseline = footerTop + pt(3) + metrics(Style::Small).ascent();
    text(left, footerBaseline,
         UiTr::tr("Generated %1 by %2").arg(displayTime(m_header.generatedAt), m_header.generatedBy), Style::Small,
         kMuted);
    const QString number =
        m_pageCount > 0 ? UiTr::tr("Page %1 of %2").arg(m_page).arg(m_pageCount) : UiTr::tr("Page %1").arg(m_page);
    text(right - metrics(Style::Small).horizontalAdvance(number), footerBaseline, number, Style::Small, kMuted);
}

void PdfDocument::titlePage(const QString &summary, const QString &notice)
{
    const double left = m_content.left() + mm(8);
    const double width = m_content.width() - mm(16);
    y = m_content.top() + mm(38);
    fill(QRectF(m_content.left(), y - mm(8), mm(2.5), mm(60)), kAccent);
    text(left, y + metrics(Style::Subheading).ascent(), UiTr::tr("Metadata Steward"), Style::Subheading, kMuted);
    y += lineHeight(Style::Subheading) + mm(2);
    paragraph(m_header.title, Style::Title, kAccent, 2, left - m_content.left());
    y += mm(5);
    const QList<std::pair<QString, QString>> facts{
        {UiTr::tr("Tenant"), u"%1 (%2)"_s.arg(m_header.tenant.name, m_header.tenant.id.toString(QUuid::WithoutBraces))},
        {UiTr::tr("Period"), m_header.period.displayText()},
        {UiTr::tr("Generated"), displayTime(m_header.generatedAt)},
        {UiTr::tr("Generated by"), m_header.generatedBy},
    };
    for (const auto &[label, value] : facts) {
        const double baseline = y + metrics(Style::Subheading).ascent();
        text(left, baseline, label, Style::Subheading, kMuted);
        text(left + mm(40), baseline, value, Style::Subheading, kText, width - mm(40));
        y += lineHeight(Style::Subheading) * 1.3;
    }
    if (m_header.auditTrail) {
        y += mm(2);
        paragraph(UiTr::tr("Audit trail: %1").arg(m_header.auditTrail->statement()), Style::Body,
                  m_header.auditTrail->verified() ? kText : QColor(0xb7, 0x1c, 0x1c), 4, left - m_content.left());
    }
    y += mm(8);
    if (!summary.isEmpty())
        paragraph(summary, Style::Subheading, kText, 3, left - m_content.left());
    if (!notice.isEmpty())
        paragraph(notice, Style::Subheading, QColor(0xb7, 0x1c, 0x1c), 3, left - m_content.left());
    newPage();
}

void PdfDocument::contentsPage(const QList<QString> &sectionTitles)
{
    text(m_content.left(), y + metrics(Style::Heading).ascent(), UiTr::tr("Contents"), Style::Heading, kAccent);
    y += lineHeight(Style::Heading) + mm(6);
    for (qsizetype i = 0; i < sectionTitles.size(); ++i) {
        const QString title = u"%1   %2"_s.arg(i + 1).arg(sectionTitles.at(i));
        const QString page = i < m_knownToc.size() ? QString::number(m_knownToc.at(i).page) : QString();
        const double baseline = y + metrics(Style::Subheading).ascent();
        const double titleWidth = metrics(Style::Subheading).horizontalAdvance(title);
        const double pageWidth = metrics(Style::Subheading).horizontalAdvance(page);
        const double leftEdge = m_content.left() + mm(4);
        const double rightEdge = m_content.left() + m_content.width() * 0.7;
        text(leftEdge, baseline, title, Style::Subheading, kText);
        text(rightEdge - pageWidth, baseline, page, Style::Subheading, kText);
        if (m_painting) {
            m_painter->setPen(QPen(kRule, pt(0.8), Qt::DotLine));
            m_penColor = QColor();
            m_painter->drawLine(QPointF(leftEdge + titleWidth + mm(3), baseline),
                                QPointF(rightEdge - pageWidth - mm(3), baseline));
        }
        y += lineHeight(Style::Subheading) * 1.6;
    }
}

void PdfDocument::beginSection(const QString &title)
{
    newPage();
    m_toc.append(TocEntry{title, m_page});
    const QString numbered = u"%1   %2"_s.arg(m_toc.size()).arg(title);
    text(m_content.left(), y + metrics(Style::Heading).ascent(), numbered, Style::Heading, kAccent);
    y += lineHeight(Style::Heading) + mm(4);
}

double PdfDocument::advance(const QString &text, Style style) const
{
    if (const auto width = m_glyphs[std::size_t(style)].advance(text))
        return *width;
    return metrics(style).horizontalAdvance(text);
}

QString PdfDocument::elided(const QString &text, Style style, double width) const
{
    if (width <= 0)
        return text;
    // Measured from the glyph table, as it will be drawn; Qt's own measuring shapes the
    // text, which costs as much as drawing it.
    const GlyphTable &glyphs = m_glyphs[std::size_t(style)];
    if (const auto measured = glyphs.advance(text)) {
        if (*measured <= width)
            return text;
        double used = glyphs.advance(QChar(u'…'));
        qsizetype keep = 0;
        while (keep < text.size() && used + glyphs.advance(text.at(keep)) <= width)
            used += glyphs.advance(text.at(keep++));
        return QStringView(text).left(keep).trimmed().toString() + u'…';
    }
    return metrics(style).elidedText(text, Qt::ElideRight, width);
}

void PdfDocument::text(double x, double baseline, const QString &text, Style style, const QColor &color, double width)
{
    if (!m_painting || text.isEmpty())
        return;
    // Font and pen change only when they differ: most cells share both.
    const QColor pen = color.isValid() ? color : kText;
    if (m_penStyle != style) {
        m_painter->setFont(font(style));
        m_penStyle = style;
    }
    if (m_penColor != pen) {
        m_painter->setPen(pen);
        m_penColor = pen;
    }
    const QString shown = width > 0 ? elided(text, style, width) : text;
    if (m_glyphs[std::size_t(style)].glyphRun(shown, m_run))
        m_painter->drawGlyphRun(QPointF(std::round(x), std::round(baseline)), m_run);
    else
        m_painter->drawText(QPointF(x, baseline), shown);
}

QStringList PdfDocument::wrap(const QString &text, Style style, double width, int maxLines) const
{
    QStringList lines;
    bool cut = false;
    for (const QString &paragraph : text.split(u'\n')) {
        if (lines.size() >= maxLines) {
            cut = true;
            break;
        }
        if (elided(paragraph, style, width) == paragraph) {
            lines.append(paragraph);
            continue;
        }
        QTextLayout layout(paragraph, font(style), &m_writer);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            if (lines.size() >= maxLines) {
                cut = true;
                break;
            }
            lines.append(paragraph.mid(line.textStart(), line.textLength()).trimmed());
        }
        layout.endLayout();
    }
    if (cut && !lines.isEmpty())
        lines.last() = metrics(style).elidedText(lines.last() + u" …"_s, Qt::ElideRight, width);
    return lines;
}

void PdfDocument::paragraph(const QString &text, Style style, const QColor &color, int maxLines, double indent)
{
    const QStringList lines = wrap(text, style, m_content.width() - indent, maxLines);
    for (const QString &line : lines) {
        if (y + lineHeight(style) > m_content.bottom())
            newPage();
        this->text(m_content.left() + indent, y + metrics(style).ascent(), line, style, color);
        y += lineHeight(style);
    }
}

void PdfDocument::rule(double x1, double x2, double atY, const QColor &color, double widthPoints)
{
    if (!m_painting)
        return;
    m_painter->setPen(QPen(color, pt(widthPoints)));
    m_penColor = QColor(); // the text pen must be set again
    m_painter->drawLine(QPointF(x1, atY), QPointF(x2, atY));
}

void PdfDocument::fill(const QRectF &area, const QColor &color)
{
    if (m_painting)
        m_painter->fillRect(area, color);
}

PdfTable::PdfTable(PdfDocument &document, QList<Column> columns, double detailIndentMm)
    : m_document(document), m_columns(std::move(columns))
{
    double total = 0;
    for (const Column &column : m_columns)
        total += document.mm(column.widthMm);
    // The columns share the whole content width in the proportions given.
    const double scale = total > 0 ? document.content().width() / total : 1;
    double x = document.content().left();
    for (const Column &column : m_columns) {
        m_x.append(x);
        x += document.mm(column.widthMm) * scale;
    }
    m_x.append(x);
    m_width = x - document.content().left();
    m_detailIndent = document.mm(detailIndentMm) * scale;
}

void PdfTable::begin()
{
    const double needed =
        m_document.lineHeight(PdfDocument::Style::TableHeader) + 3 * m_document.lineHeight(PdfDocument::Style::Body);
    if (m_document.remaining() < needed)
        m_document.newPage();
    paintHeader();
}

void PdfTable::paintHeader()
{
    using Style = PdfDocument::Style;
    const double height = m_document.lineHeight(Style::TableHeader) + m_document.mm(1.6);
    const double left = m_document.content().left();
    m_document.fill(QRectF(left, m_document.y, m_width, height), kHeaderFill);
    const double baseline = m_document.y + m_document.mm(0.8) + m_document.metrics(Style::TableHeader).ascent();
    const double pad = m_document.mm(1.2);
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const double width = m_x.at(i + 1) - m_x.at(i) - 2 * pad;
        const QString title = m_document.elided(m_columns.at(i).title, Style::TableHeader, width);
        double x = m_x.at(i) + pad;
        if (m_columns.at(i).alignRight)
            x = m_x.at(i + 1) - pad - m_document.advance(title, Style::TableHeader);
        m_document.text(x, baseline, title, Style::TableHeader, kAccent);
    }
    m_document.y += height;
    m_document.rule(left, left + m_width, m_document.y, kAccent, 0.7);
}

void PdfTable::row(const QList<Cell> &cells, const QList<Detail> &details)
{
    using Style = PdfDocument::Style;
    const double pad = m_document.mm(1.2);
    const double detailWidth = m_width - m_detailIndent - 2 * pad;
    QList<QStringList> detailLines;
    double height = m_document.lineHeight(Style::Body) + m_document.mm(1.2);
    for (const Detail &detail : details) {
        detailLines.append(detail.maxLines > 1
                               ? m_document.wrap(detail.text, Style::Small, detailWidth, detail.maxLines)
                               : QStringList{detail.text});
        height += detailLines.constLast().size() * m_document.lineHeight(Style::Small);
    }
    if (m_document.y + height > m_document.content().bottom()) {
        m_document.newPage();
        paintHeader();
    }
    const double left = m_document.content().left();
    if (m_rows++ % 2 == 1)
        m_document.fill(QRectF(left, m_document.y, m_width, height), kShade);
    if (m_document.painting()) {
        double baseline = m_document.y + m_document.mm(0.6) + m_document.metrics(Style::Body).ascent();
        for (qsizetype i = 0; i < cells.size() && i < m_columns.size(); ++i) {
            const Cell &cell = cells.at(i);
            const Style style = cell.bold ? Style::Bold : Style::Body;
            const double width = m_x.at(i + 1) - m_x.at(i) - 2 * pad;
            const QString text = m_document.elided(cell.text, style, width);
            double x = m_x.at(i) + pad;
            if (m_columns.at(i).alignRight)
                x = m_x.at(i + 1) - pad - m_document.advance(text, style);
            m_document.text(x, baseline, text, style, cell.color);
        }
        baseline += m_document.lineHeight(Style::Body) - m_document.metrics(Style::Body).ascent() +
                    m_document.metrics(Style::Small).ascent();
        for (qsizetype i = 0; i < details.size(); ++i) {
            for (const QString &line : detailLines.at(i)) {
                m_document.text(left + m_detailIndent + pad, baseline, line, Style::Small,
                                details.at(i).color.isValid() ? details.at(i).color : kMuted, detailWidth);
                baseline += m_document.lineHeight(Style::Small);
            }
        }
    }
    m_document.y += height;
    m_document.rule(left, left + m_width, m_document.y, QColor(0xe3, 0xe3, 0xe3), 0.3);
}

} // namespace steward::report
