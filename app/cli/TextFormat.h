#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace steward {

// Small text helpers shared by the commands' human-readable output.
namespace TextFormat {

// "45s", "12m", "3h 5m", "4d 2h": how long ago `then` was, at a glance.
QString age(const QDateTime &then, const QDateTime &now);
// ISO-8601 UTC without milliseconds, e.g. 2025-11-27T09:14:03Z; empty for an invalid time.
QString timestamp(const QDateTime &time);
// Newlines and tabs become spaces: one record, one line.
QString oneLine(const QString &text);
QString compactJson(const QJsonObject &object);
QString indentedJson(const QJsonObject &object);

} // namespace TextFormat
} // namespace steward
