#include "jobs/PartThreads.h"

#include "jobs/JobRunner.h"

#include <QThread>

namespace steward::jobs {

PartThreads::PartThreads(int first, int last, const std::function<void(int index)> &part,
                         const std::function<void(int index, const Error &error)> &failed)
{
    for (int index = first; index < last; ++index) {
        m_threads.emplace_back(QThread::create([part, failed, index] {
            if (const Status error = runGuarded([&] { part(index); }))
                failed(index, *error);
        }));
        m_threads.back()->start();
    }
}

PartThreads::~PartThreads()
{
    join();
}

void PartThreads::join()
{
    for (const auto &thread : m_threads)
        thread->wait();
}

} // namespace steward::jobs
