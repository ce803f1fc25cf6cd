package ai.kinitro.validator;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;

class ArchitectureTest extends CommonArchitectureTest {}
