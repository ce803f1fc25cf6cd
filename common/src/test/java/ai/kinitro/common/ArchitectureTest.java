package ai.kinitro.common;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;

class ArchitectureTest extends CommonArchitectureTest {}
