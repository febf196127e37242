#pragma once

#include "profiler/ScanEngine.h"
#include "store/DataSourceRepository.h"

namespace steward::profiler {

// Profile scans of a PostgreSQL data source: QPSQL connections (libpq finds the password
// in PGPASSWORD or ~/.pgpass; none is stored), names checked against pg_catalog, each
// table measured by one PostgresScanQuery in a READ ONLY transaction whose
// statement_timeout is what is left of the run's time limit. Large tables are read in
// block ranges (ctid, PostgreSQL 14 and later) on connections of their own sharing one
// exported snapshot, as many as the server would use for a parallel scan itself
// (max_parallel_workers_per_gather + 1, at most 4) unless the run says how many; a
// cancelled run cancels their statements (pg_cancel_backend).
class PostgresScanEngine final : public ScanEngine
{
public:
    ~PostgresScanEngine() override;

    static Result<std::unique_ptr<ScanEngine>> open(const DataSource &source);

    Result<std::optional<CatalogTable>> findTable(const QString &schema, const QString &table) override;
    std::optional<QString> targetProblem(const ColumnTarget &target) override;
    Result<TableScan> scan(const ScanPlan &plan, ScanControl &control) override;

private:
    struct Impl;
    explicit PostgresScanEngine(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> m_impl;
};

} // namespace steward::profiler
