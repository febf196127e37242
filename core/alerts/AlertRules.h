#pragma once

#include "events/Event.h"
#include "model/Types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace steward::alerts {

// The alert rules of SPEC section 6, spelled once (the `rule` column of mdm_alert).
namespace AlertRule {
inline constexpr char16_t Tier1QualityDegraded[] = u"Tier1QualityDegraded";
inline constexpr char16_t QualityDrop[] = u"QualityDrop";
inline constexpr char16_t ProfileRunFailed[] = u"ProfileRunFailed";
} // namespace AlertRule

// The alert event types, spelled in EventType.
namespace AlertEventType {
inline constexpr const auto &Fired = EventType::AlertFired;
inline constexpr const auto &Resolved = EventType::AlertResolved;
} // namespace AlertEventType

// Where the rules draw their lines. Defaults are SPEC section 6; each tenant may move
// them (AlertThresholdService).
struct AlertThresholds
{
    double tier1FireBelow = 80.0;  // Tier1QualityDegraded fires when score < this
    double tier1ResolveAt = 82.0;  // ... and resolves when score >= this (hysteresis)
    double maxDropPoints = 10.0;   // QualityDrop: more than this below the previous completed run

    bool operator==(const AlertThresholds &other) const
    {
        return tier1FireBelow == other.tier1FireBelow && tier1ResolveAt == other.tier1ResolveAt
            && maxDropPoints == other.maxDropPoints;
    }
    bool operator!=(const AlertThresholds &other) const { return !(*this == other); }
};

// One mdm_alert row.
struct Alert
{
    QUuid id;
    QUuid tenantId;
    QString rule;
    QString canonicalKey;
    QString severity; // critical | warning
    bool firing = true;
    std::optional<double> value;
    QDateTime firedAt;
    QDateTime resolvedAt;
    QString acknowledgedBy;
};

// What one finished profile run of a field says, as the rules see it.
struct RunObservation
{
    QString canonicalKey;
    Tier tier = Tier::Tier3;
    bool failed = false;                 // a failed run; cancelled runs are not evaluated
    std::optional<double> score;         // this run's quality score (none: not measurable)
    std::optional<double> previousScore; // the field's previous completed run's score, if any
};

struct FiredAlert
{
    QString rule;
    QString canonicalKey;
    Tier tier = Tier::Tier3;
    QString severity;
    std::optional<double> value;     // the run's score (none for ProfileRunFailed)
    std::optional<double> threshold; // the line the value fell below (none for ProfileRunFailed)
};

struct ResolvedAlert
{
    QUuid id;
    QString rule;
    QString canonicalKey;
    std::optional<double> value; // the run's score that resolved it
};

struct AlertDecision
{
    QList<FiredAlert> fired;
    QList<ResolvedAlert> resolved;
    bool isEmpty() const { return fired.isEmpty() && resolved.isEmpty(); }
};

// The pure state machine: given a run of one field and that field's open alerts,
// which alerts fire and which resolve. At most one alert is open per field and rule;
// a rule already firing never fires again until it resolved.
//  - Tier1QualityDegraded (tier1 only): fires when score < tier1FireBelow; resolves when
//    score >= tier1ResolveAt; in between nothing changes.
//  - QualityDrop: fires when score < previousScore - maxDropPoints; resolves on the next
//    scored completed run that is not such a drop. A further drop while open is absorbed.
//  - ProfileRunFailed: a failed run fires; the next completed run resolves it.
// A completed run without a score only resolves ProfileRunFailed.
AlertDecision evaluateRun(const RunObservation &run, const QList<Alert> &openForField,
                          const AlertThresholds &thresholds = {});

} // namespace steward::alerts
