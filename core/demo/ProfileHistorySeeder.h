#pragma once

#include "model/Error.h"
#include "model/Types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace steward {

class Database;

namespace demo {

// A field whose profile history is written, with what shapes it.
struct HistoryField
{
    QString canonicalKey;
    Tier tier = Tier::Tier3;
    QString domain;
    QString entityUrn;
    QString dataType;
    QString format;
    QString table;               // the physical table its binding names
    qint64 tableRows = 0;        // rows its table has today
    QDateTime since;             // no runs before (the field was onboarded then)
    QDateTime until;             // no runs after (deprecated then); invalid: up to now
    QDateTime failingSince;      // runs from then on fail with failingError; invalid: never
    QString failingError;
    bool scheduled = true;       // false: only manual runs (a field not yet in the catalog)
    QList<std::pair<QString, QString>> rules; // (rule key, rule type) of its active business rules
};

// Writes a believable past into mdm_profile so the quality charts have something to
// say on first start: daily/3-day/weekly/monthly runs by tier over the last `days`,
// scores that wander a little around each field's level (for the demo fields, what the
// demo warehouse measures today), a few tier1 fields drifting below 80 and recovering
// and one that has not recovered yet, a few fields whose last run dropped sharply, a
// day the warehouse was unreachable, fields failing since their binding moved, and
// durations that follow table size. The alert rules (core/alerts) are replayed over the
// runs, so mdm_alert holds the alerts they would have raised, resolved or still open
// (no alert events are written: the audit trail records what happened here, not the
// imported past). Deterministic for a given `now` and seed; no run is newer than `now`.
class ProfileHistorySeeder
{
public:
    struct Options
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        int days = 90;
        quint32 seed = 20260315;
        qint64 journalLines = 1'000'000; // the demo warehouse's size, for row counts and durations
    };

    struct Summary
    {
        int fields = 0;
        int runs = 0;
        int failedRuns = 0;
        int alerts = 0;     // written to mdm_alert
        int openAlerts = 0; // of which still firing
    };

    explicit ProfileHistorySeeder(Database &database);

    // The tenant's bound, profilable fields as its catalog holds them now. A tenant whose
    // catalog has no fields yet contributes the fields its pending create requests
    // propose, profiled by hand ahead of onboarding.
    Result<QList<HistoryField>> fieldsOf(const QUuid &tenantId, const Options &options) const;
    // Writes the history of `fields` in one transaction (the tenant should have none yet).
    Result<Summary> seed(const QUuid &tenantId, const QList<HistoryField> &fields, const Options &options);
    // Both demo tenants, fieldsOf() then the history, in one transaction.
    Result<Summary> seedDemo(const Options &options);

private:
    Status write(const QUuid &tenantId, const QList<HistoryField> &fields, const Options &options, Summary &summary);

    Database &m_database;
};

} // namespace demo
} // namespace steward
