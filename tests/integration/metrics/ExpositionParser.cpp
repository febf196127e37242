#include "ExpositionParser.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <limits>

using namespace Qt::StringLiterals;

namespace steward::testing {
namespace {

const QRegularExpression kName(u"^[a-zA-Z_:][a-zA-Z0-9_:]*$"_s);
const QRegularExpression kLabelName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);

bool parseValue(const QString &text, double &value)
{
    if (text == u"+Inf"_s) {
        value = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == u"-Inf"_s) {
        value = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == u"NaN"_s) {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    bool ok = false;
    value = text.toDouble(&ok);
    return ok;
}

// Reads `{name="value",...}` from `line` at `position`; leaves `position` after the brace.
QString parseLabels(const QString &line, qsizetype &position, QMap<QString, QString> &labels)
{
    ++position; // '{'
    while (position < line.size()) {
        if (line.at(position) == u'}') {
            ++position;
            return {};
        }
        const qsizetype equals = line.indexOf(u'=', position);
        if (equals < 0)
            return u"label without '='"_s;
        const QString name = line.mid(position, equals - position).trimmed();
        if (!kLabelName.match(name).hasMatch())
            return u"bad label name \"%1\""_s.arg(name);
        position = equals + 1;
        if (position >= line.size() || line.at(position) != u'"')
            return u"label value of %1 not quoted"_s.arg(name);
        ++position;
        QString value;
        bool closed = false;
        while (position < line.size()) {
            const QChar c = line.at(position++);
            if (c == u'"') {
                closed = true;
                break;
            }
            if (c != u'\\') {
                value += c;
                continue;
            }
            if (position >= line.size())
                return u"dangling backslash"_s;
            const QChar escaped = line.at(position++);
            if (escaped == u'n')
                value += u'\n';
            else if (escaped == u'\\' || escaped == u'"')
                value += escaped;
            else
                return u"unknown escape \\%1"_s.arg(escaped);
        }
        if (!closed)
            return u"unterminated label value"_s;
        if (labels.contains(name))
            return u"label %1 twice"_s.arg(name);
        labels.insert(name, value);
        if (position < line.size() && line.at(position) == u',')
            ++position;
    }
    return u"unterminated label set"_s;
}

QString familyOf(const QString &sampleName, const QMap<QString, QString> &types)
{
    if (types.contains(sampleName))
        return sampleName;
    for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
        if (sampleName.endsWith(suffix)) {
            const QString base = sampleName.chopped(suffix.size());
            if (types.value(base) == u"histogram"_s || types.value(base) == u"summary"_s)
                return base;
        }
    }
    return {};
}

} // namespace

QList<ParsedSample> ParsedExposition::named(const QString &name) const
{
    QList<ParsedSample> found;
    for (const ParsedSample &sample : samples) {
        if (sample.name == name)
            found.append(sample);
    }
    return found;
}

const ParsedSample *ParsedExposition::find(const QString &name, const QMap<QString, QString> &labels) const
{
    const ParsedSample *match = nullptr;
    for (const ParsedSample &sample : samples) {
        if (sample.name != name)
            continue;
        bool all = true;
        for (auto it = labels.cbegin(); it != labels.cend() && all; ++it)
            all = sample.labels.value(it.key(), u"\x01"_s) == it.value();
        if (!all)
            continue;
        if (match)
            return nullptr;
        match = &sample;
    }
    return match;
}

ParsedExposition parseExposition(const QByteArray &text)
{
    ParsedExposition parsed;
    if (!text.isEmpty() && !text.endsWith('\n')) {
        parsed.error = u"the text does not end with a line feed"_s;
        return parsed;
    }
    QSet<QString> seenSeries;
    QSet<QString> familiesWithSamples;
    int number = 0;
    for (const QString &line : QString::fromUtf8(text).split(u'\n')) {
        ++number;
        const auto fail = [&](const QString &why) { parsed.error = u"line %1: %2: %3"_s.arg(number).arg(why, line); };
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            const QStringList words = line.split(u' ');
            if (words.size() >= 3 && (words.at(1) == u"HELP"_s || words.at(1) == u"TYPE"_s)) {
                const QString name = words.at(2);
                if (!kName.match(name).hasMatch()) {
                    fail(u"bad metric name"_s);
                    return parsed;
                }
                const QString rest = line.section(u' ', 3);
                QMap<QString, QString> &map = words.at(1) == u"HELP"_s ? parsed.help : parsed.types;
                if (map.contains(name)) {
                    fail(u"second "_s + words.at(1));
                    return parsed;
                }
                if (words.at(1) == u"TYPE"_s) {
                    if (!QStringList{u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s, u"untyped"_s}.contains(
                            rest)) {
                        fail(u"unknown type"_s);
                        return parsed;
                    }
                    if (familiesWithSamples.contains(name)) {
                        fail(u"TYPE after the family's samples"_s);
                        return parsed;
                    }
                }
                map.insert(name, rest);
            }
            continue;
        }

        ParsedSample sample;
        qsizetype position = 0;
        while (position < line.size() && line.at(position) != u'{' && line.at(position) != u' ')
            ++position;
        sample.name = line.left(position);
        if (!kName.match(sample.name).hasMatch()) {
            fail(u"bad metric name"_s);
            return parsed;
        }
        if (position < line.size() && line.at(position) == u'{') {
            const QString why = parseLabels(line, position, sample.labels);
            if (!why.isEmpty()) {
                fail(why);
                return parsed;
            }
        }
        const QStringList rest = line.mid(position).split(u' ', Qt::SkipEmptyParts);
        if (rest.isEmpty() || rest.size() > 2 || !parseValue(rest.at(0), sample.value)) {
            fail(u"bad value"_s);
            return parsed;
        }
        const QString family = familyOf(sample.name, parsed.types);
        if (family.isEmpty()) {
            fail(u"sample without a # TYPE line for its family"_s);
            return parsed;
        }
        familiesWithSamples.insert(family);

        QStringList key{sample.name};
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            key << it.key() << it.value();
        if (seenSeries.contains(key.join(u'\x1f'))) {
            fail(u"the same series twice"_s);
            return parsed;
        }
        seenSeries.insert(key.join(u'\x1f'));
        parsed.samples.append(sample);
    }
    return parsed;
}

} // namespace steward::testing
