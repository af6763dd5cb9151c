// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace neurorack::cli {

class Cli;

/// "analyze", "preset from-audio" and "spectrogram": the descriptor analyzer and the
/// spectrogram from the command line.
class AnalysisCommands
{
public:
    static void registerAll(Cli &cli);
};

} // namespace neurorack::cli
