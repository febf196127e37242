#include "json/JsonSyntax.h"

#include "Tr.h"

namespace steward::json::syntax {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isNumber(std::string_view text)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    size_t i = 0;
    const size_t n = text.size();
    if (i < n && text[i] == '-')
        ++i;
    if (i >= n)
        return false;
    if (text[i] == '0') {
        ++i;
    } else if (isDigit(text[i])) {
        while (i < n && isDigit(text[i]))
            ++i;
    } else {
        return false;
    }
    if (i < n && text[i] == '.') {
        ++i;
        if (i >= n || !isDigit(text[i]))
            return false;
        while (i < n && isDigit(text[i]))
            ++i;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (i >= n || !isDigit(text[i]))
            return false;
        while (i < n && isDigit(text[i]))
            ++i;
    }
    return i == n;
}

// ---------------------------------------------------------------------------------------
// Locating a syntax error. simdjson validates lazily and reports some errors without a
// position (invalid UTF-8, an unclosed string) or with a generic code, so once it has
// refused a text this strict, non-recursive scan finds the first offending byte and
// says what is wrong there. It only runs on text that already failed.

namespace {

class SyntaxLocator
{
public:
    explicit SyntaxLocator(std::string_view text) : m_text(text) {}

    std::optional<Problem> run();

private:
    enum class Expect { Value, ValueOrArrayEnd, KeyOrObjectEnd, Key, Colon, AfterValue };

    bool atEnd() const { return m_position >= m_text.size(); }
    unsigned char current() const { return static_cast<unsigned char>(m_text[m_position]); }
    void skipWhitespace()
    {
        while (!atEnd() && isWhitespace(m_text[m_position]))
            ++m_position;
    }
    std::optional<Problem> fail(size_t offset, const QString &reason) const
    {
        return Problem{qsizetype(offset), reason};
    }
    std::optional<Problem> unexpected() const;
    std::optional<Problem> scanString();
    std::optional<Problem> scanNumber();
    std::optional<Problem> scanLiteral(std::string_view literal);
    bool readHex4(size_t at, unsigned &value) const;
    size_t utf8SequenceLength(size_t at) const;

    std::string_view m_text;
    size_t m_position = 0;
};

std::optional<Problem> SyntaxLocator::unexpected() const
{
    if (atEnd())
        return fail(m_position, CoreTr::tr("the text ends too early"));
    const unsigned char c = current();
    if (c >= 0x21 && c < 0x7f) {
        return fail(m_position,
                    CoreTr::tr("unexpected character '%1'").arg(QChar(char16_t(c))));
    }
    return fail(m_position, CoreTr::tr("unexpected byte 0x%1").arg(uint(c), 2, 16, QChar(u'0')));
}

std::optional<Problem> SyntaxLocator::run()
{
    std::vector<char> open; // '[' or '{' for each enclosing container
    Expect expect = Expect::Value;
    for (;;) {
        skipWhitespace();
        if (expect == Expect::AfterValue) {
            if (open.empty()) {
                if (!atEnd())
                    return fail(m_position, CoreTr::tr("unexpected text after the end of the document"));
                return std::nullopt;
            }
            if (atEnd())
                return unexpected();
            const char c = m_text[m_position];
            const bool inArray = open.back() == '[';
            if (c == ',') {
                ++m_position;
                expect = inArray ? Expect::Value : Expect::Key;
            } else if (c == (inArray ? ']' : '}')) {
                ++m_position;
                open.pop_back();
            } else {
                return fail(m_position, inArray ? CoreTr::tr("expected ',' or ']'")
                                                : CoreTr::tr("expected ',' or '}'"));
            }
            continue;
        }
        if (atEnd())
            return unexpected();
        const char c = m_text[m_position];
        switch (expect) {
        case Expect::Key:
        case Expect::KeyOrObjectEnd:
            if (c == '}' && expect == Expect::KeyOrObjectEnd) {
                ++m_position;
                open.pop_back();
                expect = Expect::AfterValue;
                continue;
            }
            if (c != '"')
                return fail(m_position, CoreTr::tr("expected a key in double quotes"));
            if (auto problem = scanString())
                return problem;
            expect = Expect::Colon;
            continue;
        case Expect::Colon:
            if (c != ':')
                return fail(m_position, CoreTr::tr("expected ':' after a key"));
            ++m_position;
            expect = Expect::Value;
            continue;
        case Expect::ValueOrArrayEnd:
            if (c == ']') {
                ++m_position;
                open.pop_back();
                expect = Expect::AfterValue;
                continue;
            }
            break;
        case Expect::Value:
        case Expect::AfterValue: break;
        }
        // A value.
        std::optional<Problem> problem;
        switch (c) {
        case '{':
            open.push_back('{');
            ++m_position;
            expect = Expect::KeyOrObjectEnd;
            continue;
        case '[':
            open.push_back('[');
            ++m_position;
            expect = Expect::ValueOrArrayEnd;
            continue;
        case '"': problem = scanString(); break;
        case 't': problem = scanLiteral("true"); break;
        case 'f': problem = scanLiteral("false"); break;
        case 'n': problem = scanLiteral("null"); break;
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                problem = scanNumber();
            else
                return unexpected();
        }
        if (problem)
            return problem;
        expect = Expect::AfterValue;
    }
}

bool SyntaxLocator::readHex4(size_t at, unsigned &value) const
{
    if (at + 4 > m_text.size())
        return false;
    value = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const char h = m_text[i];
        value <<= 4;
        if (h >= '0' && h <= '9')
            value |= unsigned(h - '0');
        else if (h >= 'a' && h <= 'f')
            value |= unsigned(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
            value |= unsigned(h - 'A' + 10);
        else
            return false;
    }
    return true;
}

// Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0.
size_t SyntaxLocator::utf8SequenceLength(size_t at) const
{
    const auto byte = [this](size_t i) { return static_cast<unsigned char>(m_text[i]); };
    const unsigned char lead = byte(at);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0)
            low = 0xa0;
        else if (lead == 0xed)
            high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0)
            low = 0x90;
        else if (lead == 0xf4)
            high = 0x8f;
    } else {
        return 0;
    }
    if (at + length > m_text.size())
        return 0;
    if (byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (size_t i = at + 2; i < at + length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xbf)
            return 0;
    }
    return length;
}

std::optional<Problem> SyntaxLocator::scanString()
{
    const size_t start = m_position;
    ++m_position; // opening quote
    while (!atEnd()) {
        const unsigned char c = current();
        if (c == '"') {
            ++m_position;
            return std::nullopt;
        }
        if (c < 0x20)
            return fail(m_position, CoreTr::tr("a control character in a string must be escaped"));
        if (c >= 0x80) {
            const size_t length = utf8SequenceLength(m_position);
            if (length == 0)
                return fail(m_position, CoreTr::tr("the text is not valid UTF-8"));
            m_position += length;
            continue;
        }
        if (c != '\\') {
            ++m_position;
            continue;
        }
        const size_t escape = m_position;
        if (m_position + 1 >= m_text.size())
            break;
        const char kind = m_text[m_position + 1];
        if (kind != 'u') {
            if (std::string_view("\"\\/bfnrt").find(kind) == std::string_view::npos)
                return fail(escape, CoreTr::tr("invalid escape sequence in a string"));
            m_position += 2;
            continue;
        }
        unsigned unit = 0;
        if (!readHex4(m_position + 2, unit))
            return fail(escape, CoreTr::tr("invalid escape sequence in a string"));
        m_position += 6;
        if (unit >= 0xdc00 && unit <= 0xdfff)
            return fail(escape, CoreTr::tr("a \\u escape is an unpaired UTF-16 surrogate"));
        if (unit >= 0xd800 && unit <= 0xdbff) {
            unsigned low = 0;
            if (m_position + 1 >= m_text.size() || m_text[m_position] != '\\'
                || m_text[m_position + 1] != 'u' || !readHex4(m_position + 2, low)
                || low < 0xdc00 || low > 0xdfff)
                return fail(escape, CoreTr::tr("a \\u escape is an unpaired UTF-16 surrogate"));
            m_position += 6;
        }
    }
    return fail(start, CoreTr::tr("a string is not closed"));
}

std::optional<Problem> SyntaxLocator::scanNumber()
{
    const size_t start = m_position;
    while (!atEnd()) {
        const char c = m_text[m_position];
        if (isWhitespace(c) || c == ',' || c == ']' || c == '}' || c == ':')
            break;
        ++m_position;
    }
    if (!isNumber(m_text.substr(start, m_position - start)))
        return fail(start, CoreTr::tr("invalid number"));
    return std::nullopt;
}

std::optional<Problem> SyntaxLocator::scanLiteral(std::string_view literal)
{
    if (m_text.substr(m_position, literal.size()) != literal)
        return fail(m_position, CoreTr::tr("invalid literal (expected true, false or null)"));
    m_position += literal.size();
    if (!atEnd()) {
        const char next = m_text[m_position];
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9'))
            return fail(m_position, CoreTr::tr("invalid literal (expected true, false or null)"));
    }
    return std::nullopt;
}

} // namespace

std::optional<Problem> locateError(std::string_view text)
{
    return SyntaxLocator(text).run();
}

} // namespace steward::json::syntax
