#pragma once

#include "model/Types.h"

#include <QColor>
#include <QString>

namespace steward {

// The colours of every chart, on the Quality page and in the reports alike, so a chart
// reads the same on screen and on paper. Each colour comes with a symbol or a label
// wherever it is shown: colour is never the only cue.
namespace ChartPalette {

QColor tier(Tier tier);
QColor grade(const QString &grade); // A..F; grey for anything else
QColor entityType(EntityType type);
QColor decision(const QString &decision); // approved | rejected | cancelled
QColor threshold();                       // the alert line
QColor runCompleted();
QColor runFailed();
QColor runCancelled();
// A field's own trend: its score, then its dimensions.
QColor fieldScore();
QColor completeness();
QColor uniqueness();
QColor validity();

} // namespace ChartPalette

} // namespace steward
