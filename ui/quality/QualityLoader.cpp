#include "QualityLoader.h"

#include "alerts/AlertThresholdService.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Stops at the first failed query and keeps its reason.
class Reader
{
public:
    explicit Reader(QString &error) : m_error(error) {}

    template <typename T> bool take(Result<T> result, T &into)
    {
        if (!m_error.isEmpty())
            return false;
        if (!result) {
            m_error = result.error().text();
            return false;
        }
        into = std::move(result.value());
        return true;
    }

private:
    QString &m_error;
};

} // namespace

QualitySnapshot QualityLoader::read(Database &database, const QualityRequest &request, const QDateTime &now)
{
    QualitySnapshot snapshot;
    snapshot.request = request;
    snapshot.period = quality::Period::lastDays(request.days, now);
    const quality::QualityQueries queries(database);
    Reader reader(snapshot.error);
    const QUuid &tenant = request.tenantId;
    const quality::Period &period = snapshot.period;

    reader.take(alerts::AlertThresholdService(database).load(tenant), snapshot.thresholds);
    using Part = QualityRequest::Part;
    if (request.parts.testFlag(Part::Activity)) {
        quality::ProfileActivity activity;
        if (reader.take(queries.activity(tenant, period), activity)) {
            snapshot.tierTrend = std::move(activity.tierTrend);
            snapshot.runsPerDay = std::move(activity.runsPerDay);
        }
    }
    if (request.parts.testFlag(Part::Fields)) {
        reader.take(queries.durationHistogram(tenant, period), snapshot.durations);
        reader.take(queries.profiledFields(tenant, period), snapshot.fields);
        reader.take(queries.gradeDistribution(tenant, period), snapshot.distribution);
        reader.take(queries.recentDegradations(tenant, period), snapshot.degradations);
        reader.take(queries.pendingByTier(tenant), snapshot.pending);
        reader.take(queries.decisionsPerDay(tenant, period), snapshot.decisionsPerDay);
        reader.take(queries.medianTimeToDecision(tenant, period), snapshot.decisionTime);
    }
    if (!request.parts.testFlag(Part::FieldTrend))
        return snapshot;

    // The field to show: the one asked for, else the newest degradation, else the first.
    snapshot.fieldKey = request.fieldKey;
    if (snapshot.fieldKey.isEmpty() && !snapshot.degradations.isEmpty())
        snapshot.fieldKey = snapshot.degradations.constFirst().canonicalKey;
    if (snapshot.fieldKey.isEmpty() && !snapshot.fields.isEmpty())
        snapshot.fieldKey = snapshot.fields.constFirst();
    if (!snapshot.fieldKey.isEmpty())
        reader.take(queries.fieldTrend(tenant, snapshot.fieldKey, period), snapshot.fieldTrend);
    return snapshot;
}

} // namespace steward
