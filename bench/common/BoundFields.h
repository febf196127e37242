#pragma once

#include "model/Error.h"

#include <QStringList>
#include <QUuid>

namespace steward {
class Database;
}

namespace steward::bench {

// The fields of a tenant's catalog whose binding names `table`, split into those the
// profiler can measure (the schema is the one their data source stands for) and those it
// cannot ("key: binding to schema.table"). The demo moves one binding on purpose; a
// benchmark measures what can be measured and says what it left out, so a job that fails
// is a failure of the run, never an expected one.
struct BoundFields
{
    QStringList keys;
    QStringList columns; // of keys, one each
    QStringList leftOut;
};

Result<BoundFields> boundFields(Database &database, const QUuid &tenantId, const QString &table);

} // namespace steward::bench
