#pragma once

// A reader of the Prometheus text exposition format 0.0.4 written for the tests, apart
// from the production renderer, so a renderer mistake cannot hide in a shared helper.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace steward::testing {

struct ParsedSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct ParsedExposition
{
    QString error;                // the first line that does not follow the format; empty when all did
    QMap<QString, QString> types; // family name -> counter | gauge | histogram | ...
    QMap<QString, QString> help;
    QList<ParsedSample> samples;

    QList<ParsedSample> named(const QString &name) const;
    // The one sample with `name` whose labels include every pair of `labels`; the rest
    // of its labels may be anything. Null when there is not exactly one.
    const ParsedSample *find(const QString &name, const QMap<QString, QString> &labels) const;
};

ParsedExposition parseExposition(const QByteArray &text);

} // namespace steward::testing
