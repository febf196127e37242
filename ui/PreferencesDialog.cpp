#include "PreferencesDialog.h"

using namespace Qt::StringLiterals;

namespace steward {

PreferencesDialog::PreferencesDialog(const AppServices &, Session &, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
}

} // namespace steward
