#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QRawFont>
#include <array>
#include <optional>

class QPaintDevice;

namespace steward::report {

// Text set without shaping, for the long tables of a report PDF: glyphs and advances
// looked up per character from one font (Latin, general punctuation and arrows), with
// kerning and ligatures left out. QPainter::drawText shapes every string, which costs as
// much as writing it into the PDF; a looked-up glyph run does not. Text with a character
// the table lacks (or the font has no glyph for) is left to drawText and font fallback.
class GlyphTable
{
public:
    GlyphTable() = default;
    GlyphTable(const QFont &font, const QPaintDevice &device);

    // The width of the text, or nothing when a character is not in the table.
    std::optional<double> advance(QStringView text) const;
    double advance(QChar character) const; // 0 when not in the table
    // The text as a glyph run with its baseline origin at (0, 0); false when not possible.
    bool glyphRun(QStringView text, QGlyphRun &run) const;

private:
    static constexpr int kSlots = 0x250 + 0x70 + 0x70;
    static int slot(char16_t character);

    QRawFont m_font;
    std::array<quint32, kSlots> m_glyphs{};
    std::array<double, kSlots> m_advances{};
};

} // namespace steward::report
