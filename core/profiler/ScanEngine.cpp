#include "profiler/ScanEngine.h"

#include "Tr.h"
#include "profiler/PostgresScanEngine.h"
#include "profiler/SqliteScanEngine.h"
#include "store/DataSourceRepository.h"

namespace steward::profiler {

// The one place that picks an engine for a data source's driver.
Result<std::unique_ptr<ScanEngine>> ScanEngine::open(const DataSource &source)
{
    if (source.driver == DataSource::SqliteDriver)
        return SqliteScanEngine::open(source);
    if (source.driver == DataSource::PostgresDriver)
        return PostgresScanEngine::open(source);
    return Error::make(ErrorCode::Unavailable, CoreTr::tr("the data source %1 uses %2, which this build cannot profile yet")
                                                   .arg(source.name, source.driver));
}

} // namespace steward::profiler
