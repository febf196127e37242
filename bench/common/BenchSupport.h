#pragma once

// What every benchmark program shares: medians and percentiles that refuse to summarise
// nothing, and a verdict that turns any failed or timed-out round into a clear line on
// stderr and a non-zero exit status, so no figure is ever printed over missing rounds.

#include <QList>
#include <QString>

#include <optional>

namespace steward::bench {

// The median of `samples` (the mean of the middle two for an even count); empty when
// there are none.
std::optional<double> median(QList<double> samples);
// The sample at `fraction` (0..1) of the sorted samples, nearest rank; empty when none.
std::optional<double> percentile(QList<double> samples, double fraction);

// Collects the failures of one benchmark run. main() returns exitStatus().
class Verdict
{
public:
    explicit Verdict(QString program);

    // Records a failed or timed-out round: "<program>: FAILED: <what>" on stderr, now.
    void fail(const QString &what);
    // fail(what) unless `ok`; returns `ok`.
    bool require(bool ok, const QString &what);
    // The median of `samples`, or a failure when a round of `what` left none.
    std::optional<double> median(const QList<double> &samples, const QString &what);
    bool failed() const { return m_failures > 0; }
    // 0 when nothing failed; else 1, after a last line counting the failures.
    int exitStatus() const;

private:
    QString m_program;
    int m_failures = 0;
};

} // namespace steward::bench
