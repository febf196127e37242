#include "json/JsonPointer.h"

#include "Tr.h"
#include "json/JsonNode.h"

using namespace Qt::StringLiterals;

namespace steward::json {

namespace {

// Unescapes one reference token; nullopt when a '~' is not followed by '0' or '1'.
std::optional<QString> strictUnescape(QStringView token)
{
    QString result;
    result.reserve(token.size());
    for (qsizetype i = 0; i < token.size(); ++i) {
        if (token[i] != u'~') {
            result.append(token[i]);
            continue;
        }
        if (i + 1 >= token.size())
            return std::nullopt;
        const QChar next = token[++i];
        if (next == u'0')
            result.append(u'~');
        else if (next == u'1')
            result.append(u'/');
        else
            return std::nullopt;
    }
    return result;
}

} // namespace

QString escapeToken(const QString &token)
{
    if (!token.contains(u'~') && !token.contains(u'/'))
        return token;
    QString escaped = token;
    escaped.replace(u"~"_s, u"~0"_s); // first, so the '~' of "~1" stays
    escaped.replace(u"/"_s, u"~1"_s);
    return escaped;
}

QString unescapeToken(const QString &token)
{
    if (!token.contains(u'~'))
        return token;
    // A malformed escape is kept as written rather than losing characters.
    return strictUnescape(token).value_or(token);
}

QString appendToken(const QString &pointer, const QString &token)
{
    return pointer + u'/' + escapeToken(token);
}

QString appendIndex(const QString &pointer, qsizetype index)
{
    return pointer + u'/' + QString::number(index);
}

QString abbreviatePointer(const QString &pointer)
{
    constexpr qsizetype kEnds = 3;        // tokens kept at each end
    constexpr qsizetype kLongestToken = 24; // characters kept of one member name
    QStringList parts = pointer.split(u'/'); // parts[0] is the empty text before the first '/'
    for (QString &part : parts) {
        if (part.size() > kLongestToken)
            part = part.left(kLongestToken - 4) + u'…';
    }
    const qsizetype tokens = parts.size() - 1;
    if (tokens <= 2 * kEnds + 2)
        return parts.join(u'/');
    return CoreTr::tr("%1/…/%2 (%n level(s))", nullptr, int(tokens))
        .arg(parts.mid(0, kEnds + 1).join(u'/'), parts.mid(parts.size() - kEnds).join(u'/'));
}

std::optional<QStringList> splitPointer(const QString &pointer)
{
    QStringList tokens;
    if (pointer.isEmpty())
        return tokens;
    if (pointer.front() != u'/')
        return std::nullopt;
    const QStringView rest = QStringView(pointer).mid(1);
    for (const QStringView raw : rest.split(u'/')) {
        auto token = strictUnescape(raw);
        if (!token)
            return std::nullopt;
        tokens.append(std::move(*token));
    }
    return tokens;
}

const Node *resolve(const Node &root, const QString &pointer)
{
    const auto tokens = splitPointer(pointer);
    if (!tokens)
        return nullptr;
    const Node *current = &root;
    for (const QString &token : *tokens) {
        if (current->isObject()) {
            current = current->member(token);
        } else if (current->isArray()) {
            const auto index = arrayIndex(token);
            if (!index || *index >= current->items().size())
                return nullptr;
            current = &current->items().at(*index);
        } else {
            return nullptr;
        }
        if (!current)
            return nullptr;
    }
    return current;
}

std::optional<qsizetype> arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 18)
        return std::nullopt;
    if (token.size() > 1 && token.front() == u'0')
        return std::nullopt;
    qsizetype index = 0;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        index = index * 10 + (c.unicode() - u'0');
    }
    return index;
}

} // namespace steward::json
