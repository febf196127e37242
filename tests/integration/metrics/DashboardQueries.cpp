#include "DashboardQueries.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace steward::testing {
namespace {

void collectPanels(const QString &file, const QJsonArray &panels, QList<DashboardQuery> &queries)
{
    for (const QJsonValue &value : panels) {
        const QJsonObject panel = value.toObject();
        collectPanels(file, panel.value(u"panels"_s).toArray(), queries); // collapsed rows nest theirs
        for (const QJsonValue &target : panel.value(u"targets"_s).toArray())
            queries.append({file, panel.value(u"title"_s).toString(), target[u"expr"_s].toString(), false});
    }
}

} // namespace

QList<DashboardQuery> dashboardQueries(const QString &directory, QString &error)
{
    QList<DashboardQuery> queries;
    const QDir dir(directory);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        error = u"no dashboards in "_s + directory;
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            error = name + u": "_s + file.errorString();
            return {};
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject()) {
            error =
                u"%1: not a JSON object (%2 at offset %3)"_s.arg(name, parseError.errorString()).arg(parseError.offset);
            return {};
        }
        const QJsonObject dashboard = document.object();
        if (dashboard.value(u"title"_s).toString().isEmpty() || !dashboard.value(u"panels"_s).isArray()) {
            error = name + u": a dashboard needs a title and panels"_s;
            return {};
        }
        collectPanels(name, dashboard.value(u"panels"_s).toArray(), queries);
        for (const QJsonValue &variable : dashboard[u"templating"_s][u"list"_s].toArray()) {
            if (variable[u"type"_s].toString() != u"query"_s)
                continue;
            const QJsonValue query = variable[u"query"_s];
            const QString text = query.isObject() ? query[u"query"_s].toString() : query.toString();
            queries.append({name, u"variable "_s + variable[u"name"_s].toString(), text, true});
        }
    }
    return queries;
}

QStringList metricNamesIn(const QString &expr)
{
    QString text = expr;
    // Label matchers, strings, range and subquery brackets, and grouping clauses name no metric.
    text.replace(QRegularExpression(u"\"(?:[^\"\\\\]|\\\\.)*\""_s), u" "_s);
    text.replace(QRegularExpression(u"\\{[^}]*\\}"_s), u" "_s);
    text.replace(QRegularExpression(u"\\[[^\\]]*\\]"_s), u" "_s);
    text.replace(QRegularExpression(u"\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"_s), u" "_s);
    static const QStringList keywords{u"by"_s,     u"without"_s, u"on"_s,         u"ignoring"_s, u"group_left"_s,
                                      u"offset"_s, u"bool"_s,    u"and"_s,        u"or"_s,       u"unless"_s,
                                      u"inf"_s,    u"nan"_s,     u"group_right"_s};
    static const QRegularExpression identifier(u"(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?"_s);
    QStringList names;
    auto matches = identifier.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString word = match.captured(1);
        if (match.hasCaptured(2) && !match.captured(2).isEmpty())
            continue; // a function
        if (keywords.contains(word, Qt::CaseInsensitive))
            continue;
        names.append(word);
    }
    return names;
}

QString withVariablesResolved(const QString &expr)
{
    QString text = expr;
    text.replace(u"$__rate_interval"_s, u"5m"_s);
    text.replace(u"$__interval"_s, u"1m"_s);
    text.replace(QRegularExpression(u"\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*\\}?"_s), u".*"_s);
    return text;
}

} // namespace steward::testing
