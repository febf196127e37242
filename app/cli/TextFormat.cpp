#include "TextFormat.h"

#include "CliTr.h"

#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::TextFormat {

QString age(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return CliTr::tr("%1d %2h").arg(days).arg(hours % 24);
    if (hours > 0)
        return CliTr::tr("%1h %2m").arg(hours).arg(minutes % 60);
    if (minutes > 0)
        return CliTr::tr("%1m").arg(minutes);
    return CliTr::tr("%1s").arg(seconds);
}

QString timestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u"\r\n"_s, u" "_s);
    line.replace(u'\n', u' ');
    line.replace(u'\r', u' ');
    line.replace(u'\t', u' ');
    return line.trimmed();
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString indentedJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace steward::TextFormat
