// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/bank.h"

#include <QList>

namespace neurorack {

/// The content that ships with Neurorack, compiled into the core library from
/// core/resources/: the factory bank and the two factory mappings.
class Factory
{
public:
    /// Resource paths of the shipped documents (for tests that load every one).
    static QString bankResource();
    static QStringList mappingResources();

    /// The factory bank. Always valid in a correct build (a test loads it).
    static Result<Bank> bank();
    /// The original panel mapping (gate 1 plays, CV1/CV2 richness and noisiness,
    /// CV3 morph amount, gate 2 plays the morph).
    static Result<Mapping> originalMapping();
    /// The alternative mapping (CV1 morphs across the bank, CV2–4 loudness,
    /// brightness, richness).
    static Result<Mapping> alternativeMapping();
    /// Both factory mappings, original first.
    static QList<Mapping> mappings();
};

} // namespace neurorack
