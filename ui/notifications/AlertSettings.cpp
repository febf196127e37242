#include "AlertSettings.h"

#include "Settings.h"
#include "UiTr.h"

#include <QLocale>

namespace steward {
namespace {

bool isScore(double value)
{
    return value >= 0.0 && value <= 100.0;
}

} // namespace

QString alertThresholdsProblem(const alerts::AlertThresholds &thresholds)
{
    if (!isScore(thresholds.tier1FireBelow) || !isScore(thresholds.tier1ResolveAt))
        return UiTr::tr("Scores run from 0 to 100.");
    if (!isScore(thresholds.maxDropPoints))
        return UiTr::tr("A drop is measured in points from 0 to 100.");
    if (thresholds.tier1ResolveAt < thresholds.tier1FireBelow)
        return UiTr::tr("An alert must resolve at or above the score it fires below (%1), or it would fire "
                        "and resolve on the same score.")
            .arg(QLocale().toString(thresholds.tier1FireBelow, 'f', 1));
    return {};
}

alerts::AlertThresholds alertThresholds(const Settings &settings)
{
    bool fireOk = false;
    bool resolveOk = false;
    bool dropOk = false;
    alerts::AlertThresholds thresholds;
    thresholds.tier1FireBelow = settings.value(Settings::Key::AlertTier1FireBelow).toDouble(&fireOk);
    thresholds.tier1ResolveAt = settings.value(Settings::Key::AlertTier1ResolveAt).toDouble(&resolveOk);
    thresholds.maxDropPoints = settings.value(Settings::Key::AlertMaxDropPoints).toDouble(&dropOk);
    if (!fireOk || !resolveOk || !dropOk || !alertThresholdsProblem(thresholds).isEmpty())
        return alerts::AlertThresholds{};
    return thresholds;
}

void saveAlertThresholds(Settings &settings, const alerts::AlertThresholds &thresholds)
{
    settings.setValue(Settings::Key::AlertTier1FireBelow, thresholds.tier1FireBelow);
    settings.setValue(Settings::Key::AlertTier1ResolveAt, thresholds.tier1ResolveAt);
    settings.setValue(Settings::Key::AlertMaxDropPoints, thresholds.maxDropPoints);
}

} // namespace steward
