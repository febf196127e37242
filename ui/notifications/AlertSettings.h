#pragma once

#include "alerts/AlertRules.h"

#include <QString>

namespace steward {

class Settings;

// Why these thresholds cannot be used (ranges 0..100, resolve at or above fire),
// or an empty string when they can.
QString alertThresholdsProblem(const alerts::AlertThresholds &thresholds);

// The alert thresholds of the user's settings; the SPEC defaults when unset or unusable
// (a hand-edited file must not make alerts flap).
alerts::AlertThresholds alertThresholds(const Settings &settings);
void saveAlertThresholds(Settings &settings, const alerts::AlertThresholds &thresholds);

} // namespace steward
