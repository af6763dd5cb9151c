<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>Descriptor</name>
    <message>
        <source>Loudness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percussivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tonality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unvoiced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetGenerator</name>
    <message>
        <source>%1 lasts %2 ms, shorter than the %3 ms a preset needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lasts %2 s; the preset keeps its first %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New preset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design presets for the Neurorack impact synthesizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bank file to open (default: the factory bank).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factory bank built into this program is damaged:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::AudioPlayer</name>
    <message>
        <source>Audio output is off: playback is silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio output device: playback is silent, the playhead and meter still run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio output “%1” cannot play 48 kHz audio (it wants %2 Hz): playback is silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the audio output “%1”: playing silently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio output “%1” stopped: playing on silently.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::BankDocument</name>
    <message>
        <source>Swap slots %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move preset to slot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set morph pair</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::BankListModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot %1 is empty: drop a preset here, paste one, or draw one in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3 s · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::CurveChartView</name>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty slot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::CurveEditView</name>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch (note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s  ·  %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::DescriptorMapView</name>
    <message>
        <source>Horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor that colours the points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morph amount between the two selected points (Ctrl+click selects the second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morph %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large dots: presets · small dots: samples · triangle: CV state. Click plays; Ctrl+click a second point to morph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA %1 (%2 % of the variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 … %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset in slot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morph %1 → %2, %3 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::DevicePanel</name>
    <message>
        <source>the file is larger than a model may be (1 GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules found by their USB ids (refreshed every few seconds), ports added by Studio, or a port of your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/dev/ttyACM0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial port of the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banks and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank file on the module that Push replaces and Pull fetches (default: the one it plays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank file on the module:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank to push:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up before push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the module&apos;s bank that a push replaces to %1 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play it on the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the module to the pushed bank or uploaded model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the open bank to the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the module&apos;s bank as a new document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a model file (.pt) to the module; it checks the model before using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this slot of the module&apos;s bank, as a gate would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the transfer; the module keeps what it had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens on the link shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (open a bank first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;, %n preset(s)</source>
        <translation>
            <numerusform>&quot;%1&quot;, %n preset</numerusform>
            <numerusform>&quot;%1&quot;, %n presets</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module found. Plug the module in with its USB cable and power the rack, or choose &quot;Other port…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack module on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack module %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, protocol %2 (Neurorack Studio %3, protocol %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2), slot %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bank(s)</source>
        <translation>
            <numerusform>%n bank</numerusform>
            <numerusform>%n banks</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%p%)</source>
        <extracomment>%1 and %2 are sizes (&quot;120 kB of 480 kB&quot;); %p% is the percentage</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module keeps what it had. Plug it back in, connect and run the same transfer again to resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug it back in, connect and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the cable and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module on this port. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers on this port: is the module powered, and is this its port? %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module stopped answering. %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to the module was lost: was the cable unplugged? %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module and Neurorack Studio speak different protocol versions. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data arrived damaged; nothing was changed. Check the cable and try again. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled during the backup: nothing was pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the module keeps what it had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module&apos;s answer makes no sense to this program (%1). Update Neurorack Studio and the module&apos;s runtime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was lost. Plug the module back in and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module went away from %1: was the cable unplugged? Plug it back in and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 on %2 (protocol %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module has no %1 yet: nothing to back up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the module&apos;s %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not back up the module&apos;s %1 to %2: %3. Nothing was pushed; turn off &quot;Back up before push&quot; to push anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backed up the module&apos;s %1 (&quot;%2&quot;, %n preset(s)) to %3</source>
        <translation>
            <numerusform>Backed up the module&apos;s %1 (&quot;%2&quot;, %n preset) to %3</numerusform>
            <numerusform>Backed up the module&apos;s %1 (&quot;%2&quot;, %n presets) to %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Pushing &quot;%1&quot; as %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed &quot;%1&quot; to %2 (%3): %4 sent in %5 s. The module plays it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed &quot;%1&quot; to %2 (%3): %4 sent in %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pulled &quot;%1&quot; (%n preset(s)) from %2.</source>
        <translation>
            <numerusform>Pulled &quot;%1&quot; (%n preset) from %2.</numerusform>
            <numerusform>Pulled &quot;%1&quot; (%n presets) from %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload a model to the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upload %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 (%2); the module checks it before keeping it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) in %3 s. The module plays with it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module plays slot %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the chunk in flight…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::LevelMeter</name>
    <message>
        <source>Level meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output level in dBFS: RMS, peak and held peak. Click to clear the clip light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−∞ dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::MainWindow</name>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was not loaded; the previous one (if any) stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model found: Play ▸ Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot play the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the bank pulled from %1 (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered in %1 ms; %2 ms from the edit to the sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot render “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; the map is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) on the map</source>
        <translation>
            <numerusform>%n sample on the map</numerusform>
            <numerusform>%n samples on the map</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed; the others are on the map.</source>
        <translation>
            <numerusform>%n file could not be analysed; the others are on the map.</numerusform>
            <numerusform>%n files could not be analysed; the others are on the map.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Factory Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Bank &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Samples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;WAV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name Bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play Current Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Virtual Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Neurorack Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n preset(s), mapping “%2”</source>
        <translation>
            <numerusform>%1: %n preset, mapping “%2”</numerusform>
            <numerusform>%1: %n presets, mapping “%2”</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid Neurorack bank. The current bank is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank was not saved to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is loaded: Play ▸ Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank “%1” has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack Studio did not close properly. A copy of the bank “%1” with unsaved changes was kept. Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover slot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack banks (*.json *.cbor);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack banks (*.json *.cbor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact bank (*.cbor);;JSON bank (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a preset first: the last sound heard is exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export WAV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing the samples of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard does not hold a Neurorack preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bank name has 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Neurorack Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Neurorack Studio %1&lt;/h3&gt;&lt;p&gt;Design presets for the Neurorack neural impact synthesizer: draw descriptor curves, hear them through the model, map the CVs and push banks to the module.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)[*] — Neurorack Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::MappingEditor</name>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morph amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch (1 V/oct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential (x²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic (√x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S-curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the current preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the morph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semitones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× (factor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (0) … B (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first (0) … last (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed: 12 semitones per volt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load factory mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative (bank scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the whole mapping with one of the two that ship with the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live simulation: move a CV slider, hold a gate button to play what the module would play. Smoothing is not simulated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this CV input drives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The descriptor an offset or a scale applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input voltage that gives the low end of the range; lower voltages read as this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input voltage that gives the high end of the range; higher voltages read as this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target&apos;s value at the input&apos;s low voltage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target&apos;s value at the input&apos;s high voltage (may be below the low end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the voltage is shaped between the two ends of the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time constant of the module&apos;s one-pole smoother (0: none). The live simulation below does not smooth: its sliders act at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated voltage at this input (smoothing is not simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a rising edge at this gate does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gate goes high above this voltage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gate goes low again only below the threshold minus this, so a noisy edge fires once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold to play gate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts %1 V on the gate while held down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 V → %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 input range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 target range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 response curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CV %1 smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set gate %1 action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set gate %1 threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set gate %1 hysteresis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factory mapping does not load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load factory mapping “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::ModuleSimulation</name>
    <message>
        <source>%1 V does not reach gate %2&apos;s threshold of %3 V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to play: the bank has no presets to morph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to play: the slot is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morph %1 ↔ %2 at %3 % (simulated CVs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank scan at %1 (simulated CVs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (simulated CVs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PanelFrame</name>
    <message>
        <source>NEURORACK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PresetEditor</name>
    <message>
        <source>This slot is empty.
Add a preset to draw, drop an audio file here to analyse it, or let Randomize synthesise one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a simple drawn impact in this slot to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset&apos;s name, 1 to %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kick, deep, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated tags: at most %1, of 1 to %2 characters each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 (%2 … %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From sample…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse an audio file into this slot (or drop a file on the editor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthesise a random impact and analyse it into this slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small random changes of every curve and of the duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a handle to edit · wheel to zoom · double-click for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 s, %3 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise or lower the whole loudness curve, in dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch the dynamics below the peak (the peak keeps its level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transpose the pitch curve, in semitones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply the pitch (a frequency ratio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the whole curve, in Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply the whole curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the whole curve (the range is 0 to 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset needs a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tags; a preset has at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse an audio file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.aif *.aiff *.ogg *.opus *.mp3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthesising an impact (seed %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomize (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomized from seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varied with seed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still busy; try again when the current analysis is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PreviewPanel</name>
    <message>
        <source>Nothing rendered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-play on change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play each new render as soon as it is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · rendered in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the preview (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the preview (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s / %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::SampleLibrary</name>
    <message>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 holds more than %2 audio files; choose a smaller folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be analysed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::SpectrogramView</name>
    <message>
        <source>Spectrogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::VirtualCable</name>
    <message>
        <source>Cannot create a pseudo-terminal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::VirtualModule</name>
    <message>
        <source>Neurorack Studio&apos;s engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurorack Studio&apos;s preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to neurorack-runtime was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime did not get ready within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-process (Studio&apos;s engine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime (sim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-process plays through Studio&apos;s preview. neurorack-runtime runs the module&apos;s own program on this computer, with a virtual USB cable the device panel can sync over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound card (ALSA default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ALSA playback device found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the runtime plays (takes effect at its next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder: turn to step through presets (or the menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoder&apos;s button: press for the menu, hold %1 s for Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voltage at CV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GATE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts %1 V on gate %2 while held down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load factory mappings in the mapping editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in-process: use Studio&apos;s menus, or the runtime backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate 1 %1   Gate 2 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing through Studio&apos;s preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime running (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB cable for the device panel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB cable: the device panel cannot sync with this runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting neurorack-runtime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime was not found. Set NEURORACK_RUNTIME to its path, or install it beside Neurorack Studio (../module-runtime/neurorack-runtime) or on the PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a folder for the runtime&apos;s data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runtime runs without a USB cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its last messages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to neurorack-runtime&apos;s panel socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime refused a request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime stopped (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurorack-runtime is not running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neurorack::studio::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−∞ dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
