# A tag value from a sensitive variable is compared as what it is; only the finding's text hides it.
variable "environment" {
  type      = string
  sensitive = true
  default   = "qa"
}

resource "aws_instance" "web" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.micro"
  tags = {
    Environment = var.environment
    Owner       = "team-web"
  }
}
