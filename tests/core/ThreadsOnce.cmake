# Proves work leaves its thread one way: through core/jobs/JobRunner. A thread made by
# hand anywhere else is an error, except in the few places named below with the reason
# the runner does not fit them. Run with cmake -P:
#   SOURCE_DIRS  the source folders to search, separated by "|"
#   SCRATCH_DIR  a writable folder, to prove the check bites
cmake_minimum_required(VERSION 3.22)

foreach(variable SOURCE_DIRS SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "ThreadsOnce.cmake needs -D${variable}=...")
    endif()
endforeach()

set(thread_pattern "(QThread::create|new QThread|moveToThread|QtConcurrent|QThreadPool|std::thread|std::async)")
# Where a thread is made without the runner, and why.
set(allowed
    # The runner itself.
    "/core/jobs/JobRunner[.]cpp$"
    # One scan split across partitions, each part on its own connection, joined before
    # the profile job (already on the runner's thread) goes on: fork-join, not a job.
    "/core/profiler/ProfileRunner[.]cpp$"
    # The approvals report diffs the next batch on a pool while its job writes the
    # current one, joined batch by batch: fork-join inside a job.
    "/core/report/ApprovalReportData[.](h|cpp)$"
    # A server that lives on its thread and answers requests until stopped: no job with
    # one result. Its handlers use the runner's guard.
    "/app/http/MetricsServer[.](h|cpp)$")

# Sets `out` to "file: line" for every hand-made thread under `dirs`.
function(hand_made_threads_in dirs out)
    set(found "")
    foreach(dir IN LISTS dirs)
        file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.cpp")
        if(NOT sources)
            message(FATAL_ERROR "no sources under ${dir}")
        endif()
        foreach(source IN LISTS sources)
            set(excused FALSE)
            foreach(pattern IN LISTS allowed)
                if(source MATCHES "${pattern}")
                    set(excused TRUE)
                endif()
            endforeach()
            if(excused)
                continue()
            endif()
            # Lines as a CMake list: characters that mean something to lists go first.
            file(READ "${source}" content)
            string(REGEX REPLACE "[][;\\]" "_" content "${content}")
            string(REPLACE "\n" ";" lines "${content}")
            foreach(line IN LISTS lines)
                if(line MATCHES "${thread_pattern}")
                    string(STRIP "${line}" line)
                    list(APPEND found "${source}: ${line}")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# First prove the check can fail, so a pass below means something.
file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(MAKE_DIRECTORY "${SCRATCH_DIR}/core/jobs")
file(WRITE "${SCRATCH_DIR}/core/jobs/JobRunner.cpp" "m_thread = new QThread\n")
file(WRITE "${SCRATCH_DIR}/clean.cpp" "runner.start(work, done)\n#include <QThread>\n")
file(WRITE "${SCRATCH_DIR}/loader.cpp" "loader->moveToThread(thread)\nauto *t = QThread::create(work)\n")
file(WRITE "${SCRATCH_DIR}/pool.h" "QThreadPool pool\nQtConcurrent::run(work)\n")
hand_made_threads_in("${SCRATCH_DIR}" self_check)
list(LENGTH self_check self_check_count)
if(NOT self_check_count EQUAL 4)
    message(FATAL_ERROR "the check is broken: it found ${self_check_count} of 4 planted threads: ${self_check}")
endif()

string(REPLACE "|" ";" dirs "${SOURCE_DIRS}")
hand_made_threads_in("${dirs}" threads)
if(threads)
    string(REPLACE ";" "\n  " listing "${threads}")
    message(FATAL_ERROR "a thread made by hand instead of with jobs::JobRunner:\n  ${listing}")
endif()
message(STATUS "every job leaves its thread through jobs::JobRunner")
