package ai.kinitro.desktop;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;

class ArchitectureTest extends CommonArchitectureTest {}
