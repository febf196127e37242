#include "alerts/AlertRules.h"

using namespace Qt::StringLiterals;

namespace steward::alerts {
namespace {

const Alert *openAlert(const QList<Alert> &open, const QString &key, const QString &rule)
{
    for (const Alert &alert : open) {
        if (alert.firing && alert.canonicalKey == key && alert.rule == rule)
            return &alert;
    }
    return nullptr;
}

// Fires `rule` when `fire`, resolves its open alert when `resolve`; otherwise nothing.
void decide(AlertDecision &decision, const RunObservation &run, const QList<Alert> &open, const QString &rule,
            bool fire, bool resolve, const QString &severity, std::optional<double> threshold)
{
    const Alert *current = openAlert(open, run.canonicalKey, rule);
    if (current) {
        if (resolve)
            decision.resolved.append(ResolvedAlert{current->id, rule, run.canonicalKey, run.score});
        return;
    }
    if (fire)
        decision.fired.append(FiredAlert{rule, run.canonicalKey, run.tier, severity, run.score, threshold});
}

} // namespace

AlertDecision evaluateRun(const RunObservation &run, const QList<Alert> &openForField,
                          const AlertThresholds &thresholds)
{
    AlertDecision decision;
    if (run.failed) {
        decide(decision, run, openForField, QString::fromUtf16(AlertRule::ProfileRunFailed), true, false,
               u"warning"_s, std::nullopt);
        return decision;
    }
    decide(decision, run, openForField, QString::fromUtf16(AlertRule::ProfileRunFailed), false, true, u"warning"_s,
           std::nullopt);
    if (!run.score)
        return decision;
    const double score = *run.score;

    if (run.tier == Tier::Tier1)
        decide(decision, run, openForField, QString::fromUtf16(AlertRule::Tier1QualityDegraded),
               score < thresholds.tier1FireBelow, score >= thresholds.tier1ResolveAt, u"critical"_s,
               thresholds.tier1FireBelow);

    const std::optional<double> dropLine =
        run.previousScore ? std::optional<double>(*run.previousScore - thresholds.maxDropPoints) : std::nullopt;
    const bool dropped = dropLine && score < *dropLine;
    decide(decision, run, openForField, QString::fromUtf16(AlertRule::QualityDrop), dropped, !dropped, u"warning"_s,
           dropLine);
    return decision;
}

} // namespace steward::alerts
