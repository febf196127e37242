# Runs a libFuzzer binary for a fixed number of iterations (fixed seed, fresh corpus, so
# every run is the same) from the committed seeds. Fails on any crash, sanitizer report,
# leak or slow input; the failing input is left in WORK_DIR. New inputs found go to
# WORK_DIR, never into the source tree.
# Inputs: NAME, FUZZER, SEEDS, DICTIONARY, WORK_DIR, RUNS.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
execute_process(
    COMMAND "${FUZZER}" -runs=${RUNS} -seed=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048
            -max_total_time=100 -dict=${DICTIONARY} -artifact_prefix=${WORK_DIR}/ -print_final_stats=1
            "${WORK_DIR}/corpus" "${SEEDS}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    string(LENGTH "${output}" length)
    math(EXPR start "${length} - 6000")
    if(start LESS 0)
        set(start 0)
    endif()
    string(SUBSTRING "${output}" ${start} -1 tail)
    message(FATAL_ERROR "${NAME} failed (exit ${status}); input saved in ${WORK_DIR}\n${tail}")
endif()
string(REGEX MATCH "stat::number_of_executed_units: [0-9]+" executed "${output}")
string(REGEX MATCH "Done [0-9]+ runs in [0-9]+ second\\(s\\)" done "${output}")
message(STATUS "${NAME} ran clean: ${done} (${executed})")
