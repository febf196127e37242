# Run in place of a test whose tool is missing: fail, and say what to install.
message(FATAL_ERROR "${TOOL} was not found. Install the Debian package `prometheus` "
                    "(sudo apt-get install prometheus; .ci/quickstart does it) and run cmake again.")
