#include "GlyphTable.h"

#include <QPaintDevice>

#include <cmath>

namespace steward::report {

int GlyphTable::slot(char16_t character)
{
    if (character < 0x20)
        return -1;
    if (character < 0x250)
        return character; // Basic Latin .. Latin Extended-B
    if (character >= 0x2000 && character < 0x2070)
        return 0x250 + (character - 0x2000); // General Punctuation: dashes, quotes, …
    if (character >= 0x2190 && character < 0x2200)
        return 0x2C0 + (character - 0x2190); // Arrows
    return -1;
}

GlyphTable::GlyphTable(const QFont &font, const QPaintDevice &device)
{
    m_font = QRawFont::fromFont(font);
    m_font.setPixelSize(font.pointSizeF() * device.logicalDpiY() / 72.0);
    QString characters;
    QList<int> slots;
    for (char16_t c = 0x20; c < 0x2200; ++c) {
        if (const int index = slot(c); index >= 0) {
            characters.append(QChar(c));
            slots.append(index);
        }
    }
    // One glyph per character: these blocks have no surrogates and no combining forms
    // the font would merge.
    const QList<quint32> glyphs = m_font.glyphIndexesForString(characters);
    if (glyphs.size() != characters.size())
        return;
    const QList<QPointF> advances = m_font.advancesForGlyphIndexes(glyphs, QRawFont::UseDesignMetrics);
    for (qsizetype i = 0; i < glyphs.size(); ++i) {
        m_glyphs[std::size_t(slots.at(i))] = glyphs.at(i);
        m_advances[std::size_t(slots.at(i))] = advances.value(i).x();
    }
}

double GlyphTable::advance(QChar character) const
{
    const int index = slot(character.unicode());
    return index >= 0 ? m_advances[std::size_t(index)] : 0;
}

std::optional<double> GlyphTable::advance(QStringView text) const
{
    double width = 0;
    for (const QChar c : text) {
        const int index = slot(c.unicode());
        if (index < 0 || m_glyphs[std::size_t(index)] == 0)
            return std::nullopt;
        width += m_advances[std::size_t(index)];
    }
    return width;
}

bool GlyphTable::glyphRun(QStringView text, QGlyphRun &run) const
{
    if (!m_font.isValid())
        return false;
    QList<quint32> glyphs(text.size());
    QList<QPointF> positions(text.size());
    double x = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int index = slot(text.at(i).unicode());
        if (index < 0 || m_glyphs[std::size_t(index)] == 0)
            return false;
        glyphs[i] = m_glyphs[std::size_t(index)];
        // Whole device units (1/300 inch in a report PDF): Qt's PDF engine writes every
        // glyph's offset as a number, and whole numbers are a third of the bytes to
        // write and compress. Rounding the running position, not each advance, keeps
        // the text from drifting.
        positions[i] = QPointF(std::round(x), 0);
        x += m_advances[std::size_t(index)];
    }
    run.setRawFont(m_font);
    run.setGlyphIndexes(glyphs);
    run.setPositions(positions);
    return true;
}

} // namespace steward::report
