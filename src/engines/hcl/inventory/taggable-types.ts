/**
 * AWS resource types whose schema has `tags` (and so `tags_all` with the provider's default_tags).
 * A plan says so through `tags_all`; source does not, so a resource that writes no `tags` is taken
 * as taggable when its type is listed here. The list covers the types policies most often meet;
 * a type missing from it counts as taggable as soon as its block sets `tags`.
 */
export const TAGGABLE_AWS_TYPES: ReadonlySet<string> = new Set([
  // Network
  'aws_vpc', 'aws_subnet', 'aws_security_group', 'aws_default_security_group', 'aws_network_acl', 'aws_default_network_acl',
  'aws_route_table', 'aws_default_route_table', 'aws_internet_gateway', 'aws_egress_only_internet_gateway', 'aws_nat_gateway',
  'aws_eip', 'aws_network_interface', 'aws_vpc_endpoint', 'aws_vpc_peering_connection', 'aws_vpc_peering_connection_accepter',
  'aws_vpc_dhcp_options', 'aws_default_vpc', 'aws_default_subnet', 'aws_customer_gateway', 'aws_vpn_gateway', 'aws_vpn_connection',
  'aws_ec2_transit_gateway', 'aws_ec2_transit_gateway_vpc_attachment', 'aws_ec2_transit_gateway_route_table', 'aws_flow_log',
  'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_ec2_managed_prefix_list', 'aws_vpc_ipam',
  'aws_vpc_ipam_pool', 'aws_networkfirewall_firewall', 'aws_networkfirewall_firewall_policy', 'aws_networkfirewall_rule_group',
  'aws_dx_connection', 'aws_globalaccelerator_accelerator', 'aws_route53_zone', 'aws_route53_health_check', 'aws_route53_resolver_endpoint',
  // Compute
  'aws_instance', 'aws_spot_instance_request', 'aws_launch_template', 'aws_autoscaling_group', 'aws_ami', 'aws_ami_copy', 'aws_key_pair',
  'aws_placement_group', 'aws_ebs_volume', 'aws_ebs_snapshot', 'aws_ebs_snapshot_copy', 'aws_ec2_capacity_reservation', 'aws_ec2_host',
  'aws_lambda_function', 'aws_ecs_cluster', 'aws_ecs_service', 'aws_ecs_task_definition', 'aws_ecs_capacity_provider', 'aws_eks_cluster',
  'aws_eks_node_group', 'aws_eks_fargate_profile', 'aws_eks_addon', 'aws_batch_compute_environment', 'aws_batch_job_queue',
  'aws_imagebuilder_image_pipeline', 'aws_imagebuilder_image_recipe', 'aws_imagebuilder_infrastructure_configuration',
  // Load balancing, edge, API
  'aws_lb', 'aws_alb', 'aws_elb', 'aws_lb_target_group', 'aws_alb_target_group', 'aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_rule',
  'aws_cloudfront_distribution', 'aws_wafv2_web_acl', 'aws_wafv2_ip_set', 'aws_wafv2_rule_group', 'aws_api_gateway_rest_api',
  'aws_api_gateway_stage', 'aws_apigatewayv2_api', 'aws_apigatewayv2_stage', 'aws_acm_certificate', 'aws_acmpca_certificate_authority',
  // Databases and caches
  'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_db_subnet_group', 'aws_db_parameter_group',
  'aws_rds_cluster_parameter_group', 'aws_db_option_group', 'aws_db_snapshot', 'aws_db_proxy', 'aws_db_event_subscription',
  'aws_rds_global_cluster', 'aws_dynamodb_table', 'aws_elasticache_cluster', 'aws_elasticache_replication_group',
  'aws_elasticache_subnet_group', 'aws_elasticache_parameter_group', 'aws_docdb_cluster', 'aws_docdb_cluster_instance',
  'aws_neptune_cluster', 'aws_neptune_cluster_instance', 'aws_redshift_cluster', 'aws_redshift_subnet_group',
  'aws_opensearch_domain', 'aws_elasticsearch_domain', 'aws_memorydb_cluster', 'aws_dax_cluster', 'aws_timestreamwrite_database',
  // Storage
  'aws_s3_bucket', 'aws_s3_object', 'aws_s3_bucket_object', 'aws_efs_file_system', 'aws_efs_access_point', 'aws_fsx_lustre_file_system',
  'aws_fsx_windows_file_system', 'aws_fsx_ontap_file_system', 'aws_backup_vault', 'aws_backup_plan', 'aws_glacier_vault',
  'aws_storagegateway_gateway', 'aws_ecr_repository', 'aws_ecrpublic_repository',
  // Security, identity, secrets
  'aws_iam_role', 'aws_iam_user', 'aws_iam_policy', 'aws_iam_instance_profile', 'aws_iam_openid_connect_provider',
  'aws_iam_saml_provider', 'aws_iam_server_certificate', 'aws_kms_key', 'aws_kms_external_key', 'aws_secretsmanager_secret',
  'aws_ssm_parameter', 'aws_ssm_document', 'aws_guardduty_detector', 'aws_securityhub_automation_rule', 'aws_cognito_user_pool',
  'aws_cognito_identity_pool', 'aws_accessanalyzer_analyzer', 'aws_macie2_classification_job',
  // Messaging, streaming, integration
  'aws_sns_topic', 'aws_sqs_queue', 'aws_kinesis_stream', 'aws_kinesis_firehose_delivery_stream', 'aws_msk_cluster',
  'aws_mq_broker', 'aws_cloudwatch_event_bus', 'aws_cloudwatch_event_rule', 'aws_sfn_state_machine', 'aws_sfn_activity',
  'aws_appsync_graphql_api',
  // Observability and management
  'aws_cloudwatch_log_group', 'aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm',
  'aws_cloudtrail', 'aws_config_config_rule', 'aws_config_configuration_aggregator', 'aws_codebuild_project',
  'aws_codepipeline', 'aws_codecommit_repository', 'aws_codedeploy_app', 'aws_codestarconnections_connection',
  'aws_servicecatalog_portfolio', 'aws_organizations_account', 'aws_organizations_organizational_unit', 'aws_organizations_policy',
  // Analytics and ML
  'aws_glue_job', 'aws_glue_crawler', 'aws_glue_catalog_database', 'aws_athena_workgroup', 'aws_emr_cluster', 'aws_sagemaker_domain',
  'aws_sagemaker_endpoint', 'aws_sagemaker_model', 'aws_sagemaker_notebook_instance', 'aws_datasync_task', 'aws_dms_replication_instance',
  'aws_dms_endpoint', 'aws_transfer_server', 'aws_workspaces_workspace', 'aws_directory_service_directory',
]);
