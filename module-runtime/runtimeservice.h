// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"

#include <QObject>
#include <QString>

namespace neurorack::runtime {

/// Settings neurorack-runtime starts with, from its command line.
struct RuntimeOptions {
    QString dataDir; ///< banks, models and settings
};

/// The module service: owns the current bank and, in later stages, the panel, the
/// voice engine and the USB link. start() brings it up; the event loop runs it.
class RuntimeService : public QObject
{
    Q_OBJECT

public:
    explicit RuntimeService(RuntimeOptions options, QObject *parent = nullptr);

    /// Prepares the data folder and loads the bank. Returns an error message, or an
    /// empty string once the module is ready.
    QString start();
    const Bank &bank() const { return m_bank; }

private:
    RuntimeOptions m_options;
    Bank m_bank;
};

} // namespace neurorack::runtime
